import './scorecards.css';

export { ScorecardsRoute } from './ScorecardsRoute.tsx';
