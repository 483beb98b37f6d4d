import './mentions.css';

export { InboxPage } from './InboxPage.tsx';
