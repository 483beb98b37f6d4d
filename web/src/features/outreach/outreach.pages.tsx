import './outreach.css';

export { OutreachPage } from './OutreachPage.tsx';
