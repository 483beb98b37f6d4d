import './stories.css';

export { StoriesPage } from './StoriesPage.tsx';
