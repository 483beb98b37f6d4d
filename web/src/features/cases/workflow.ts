import { caseTransitions, closableStatuses, type CaseStatus, type CaseTier } from '../../lib/vocab.ts';

/** Where a case may go next with the workflow's buttons: the server's own table. */
export function nextStatuses(status: CaseStatus): readonly CaseStatus[] {
  return caseTransitions[status];
}

/** Whether the Close button shows: a malicious case may close without a public response, the others once responded. */
export function isClosable(tier: CaseTier, status: CaseStatus): boolean {
  return closableStatuses(tier).includes(status);
}
