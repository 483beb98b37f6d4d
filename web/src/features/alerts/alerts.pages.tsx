import './alerts.css';

export { AlertsPage } from './AlertsPage.tsx';
