import { CasePage } from './CasePage.tsx';
import { CasesPage } from './CasesPage.tsx';
import './cases.css';

export { MyWorkPage } from './MyWorkPage.tsx';

/** /cases is the board; /cases/<id> one case. */
export function CasesRoute({ rest }: { rest: string }) {
  return rest ? <CasePage id={rest} /> : <CasesPage />;
}
