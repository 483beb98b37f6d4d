import { CasePage } from './CasePage.tsx';
import { CasesPage } from './CasesPage.tsx';
import './cases.css';

export { MyWorkPage } from './MyWorkPage.tsx';

/** /cases is the board, /cases/list the list; /cases/<id> one case. */
export function CasesRoute({ rest }: { rest: string }) {
  if (rest === 'list') return <CasesPage view="list" />;
  return rest ? <CasePage id={rest} /> : <CasesPage view="board" />;
}
