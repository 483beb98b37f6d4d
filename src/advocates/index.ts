import { defineFeature } from '../core/feature.ts';
import { advocatesPermissions } from './advocates.permissions.ts';
import { advocatesRoutes } from './advocates.routes.ts';
import { joinRoutes } from './join.routes.ts';

/** Key-opinion patients (KOC): a score from referrals, shares and their reach, positive public mentions and promoter answers, with the evidence behind it, and the invitation to the programme with consent. */
export const advocatesFeature = defineFeature({ name: 'advocates', routes: [advocatesRoutes, joinRoutes], jobs: [], permissions: advocatesPermissions });

export { kocScore, KOC_WEIGHTS } from './advocates.vocab.ts';
export { inviteAdvocate, type InviteInput } from './invite-advocate.ts';
export { answerInvitation } from './invitations.ts';
