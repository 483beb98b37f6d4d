import { defineFeature } from '../core/feature.ts';
import { advocatesPermissions } from './advocates.permissions.ts';
import { advocatesRoutes } from './advocates.routes.ts';

/** Key-opinion patients (KOC): a score from referrals, shares and their reach, positive public mentions and promoter answers, with the evidence behind it, and the invitation to the programme with consent. */
export const advocatesFeature = defineFeature({ name: 'advocates', routes: [advocatesRoutes], jobs: [], permissions: advocatesPermissions });
