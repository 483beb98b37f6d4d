export { SharingPage } from './SharingPage.tsx';
