import { defineFeature } from '../core/feature.ts';
import { orgsPermissions } from './orgs.permissions.ts';
import { orgRoutes } from './orgs.routes.ts';

/** An organisation's locations, departments and staff roster. */
export const orgsFeature = defineFeature({ name: 'orgs', routes: [orgRoutes], jobs: [], permissions: orgsPermissions });

export { assertInOrg, createOrganisation } from './orgs.queries.ts';
