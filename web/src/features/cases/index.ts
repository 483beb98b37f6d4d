// What other features use of cases: opening one from a mention, and the SLA settings tab.
export { OpenCaseDialog } from './OpenCaseDialog.tsx';
export { SlaSettingsTab } from './settings/SlaSettingsTab.tsx';
export type { Case } from './types.ts';
