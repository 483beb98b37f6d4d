export { AdvocatesPage } from './AdvocatesPage.tsx';
