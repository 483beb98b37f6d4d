export { StoriesPage } from './StoriesPage.tsx';
