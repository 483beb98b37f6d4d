import './survey-reports.css';

export { SurveyReportsPage } from './SurveyReportsPage.tsx';
