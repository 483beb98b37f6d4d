import './reports.css';

export { ReportsPage } from './ReportsPage.tsx';
