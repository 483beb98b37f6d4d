import './advocates.css';

export { AdvocatesPage } from './AdvocatesPage.tsx';
