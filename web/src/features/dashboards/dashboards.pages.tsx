import './dashboards.css';

export { DashboardsPage } from './DashboardsPage.tsx';
