import type { CaseStatus, CaseTier } from '../../lib/vocab.ts';

/** Where each status may go next (the server's table; it has the last word and says why it refuses). */
export const nextStatuses: Record<CaseStatus, CaseStatus[]> = {
  new: ['acknowledged'],
  acknowledged: ['investigating'],
  investigating: ['handling', 'responded'],
  handling: ['responded'],
  responded: ['repairing'],
  repairing: [],
  closed: [],
};

/** A malicious case may close without a public response; the others close once responded. */
export function isClosable(tier: CaseTier, status: CaseStatus): boolean {
  const from: CaseStatus[] = tier === 'malicious' ? ['investigating', 'handling', 'responded', 'repairing'] : ['responded', 'repairing'];
  return from.includes(status);
}
