import './ingest.css';

export { ImportPage } from './ImportPage.tsx';
export { SourcesPage } from './SourcesPage.tsx';
