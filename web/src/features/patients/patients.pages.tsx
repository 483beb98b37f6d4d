import { PatientPage } from './PatientPage.tsx';
import { PatientsPage } from './PatientsPage.tsx';
import './patients.css';

/** /patients is the search, /patients/<id> one patient with their timeline. */
export function PatientsRoute({ rest }: { rest: string }) {
  return rest ? <PatientPage id={decodeURIComponent(rest)} /> : <PatientsPage />;
}
