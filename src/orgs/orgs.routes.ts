import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditBy } from '../audit/index.ts';
import { IdParams } from '../auth/index.ts';
import { requireAuth } from '../core/request.ts';
import {
  createDepartment,
  createLocation,
  createStaff,
  deleteDepartment,
  deleteLocation,
  deleteStaff,
  findDepartments,
  findLocations,
  findStaff,
  getOrg,
  updateDepartment,
  updateLocation,
  updateOrgSettings,
  updateStaff,
} from './orgs.queries.ts';
import { DepartmentBody, DepartmentPatch, DepartmentView, LocationBody, LocationPatch, LocationView, OrgPatch, OrgView, StaffBody, StaffPatch, StaffView } from './orgs.schemas.ts';

export async function orgRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const db = server.ctx.db;
  const by = (request: FastifyRequest) => auditBy(requireAuth(request), request.ip);

  app.get(
    '/api/org',
    {
      config: { access: 'org.read' },
      schema: {
        tags: ['org'],
        response: { 200: z.object({ org: OrgView, locations: z.array(LocationView), departments: z.array(DepartmentView), staff: z.array(StaffView) }) },
      },
    },
    async (request) => {
      const { orgId } = requireAuth(request);
      const [org, locations, departments, staff] = await Promise.all([getOrg(db, orgId), findLocations(db, orgId), findDepartments(db, orgId), findStaff(db, orgId)]);
      return { org, locations, departments, staff };
    },
  );
  app.patch('/api/org', { config: { access: 'org.manage' }, schema: { tags: ['org'], body: OrgPatch, response: { 200: z.object({ org: OrgView }) } } }, async (request) => ({
    org: await updateOrgSettings(db, by(request), request.body),
  }));

  // Locations
  app.post('/api/org/locations', { config: { access: 'org.manage' }, schema: { tags: ['org'], body: LocationBody, response: { 201: z.object({ location: LocationView }) } } }, async (request, reply) =>
    reply.status(201).send({ location: await createLocation(db, by(request), request.body) }),
  );
  app.patch(
    '/api/org/locations/:id',
    { config: { access: 'org.manage' }, schema: { tags: ['org'], params: IdParams, body: LocationPatch, response: { 200: z.object({ location: LocationView }) } } },
    async (request) => ({
      location: await updateLocation(db, by(request), request.params.id, request.body),
    }),
  );
  app.delete('/api/org/locations/:id', { config: { access: 'org.manage' }, schema: { tags: ['org'], params: IdParams } }, async (request, reply) => {
    await deleteLocation(db, by(request), request.params.id);
    return reply.status(204).send();
  });

  // Departments
  app.post(
    '/api/org/departments',
    { config: { access: 'org.manage' }, schema: { tags: ['org'], body: DepartmentBody, response: { 201: z.object({ department: DepartmentView }) } } },
    async (request, reply) => reply.status(201).send({ department: await createDepartment(db, by(request), request.body) }),
  );
  app.patch(
    '/api/org/departments/:id',
    { config: { access: 'org.manage' }, schema: { tags: ['org'], params: IdParams, body: DepartmentPatch, response: { 200: z.object({ department: DepartmentView }) } } },
    async (request) => ({
      department: await updateDepartment(db, by(request), request.params.id, request.body),
    }),
  );
  app.delete('/api/org/departments/:id', { config: { access: 'org.manage' }, schema: { tags: ['org'], params: IdParams } }, async (request, reply) => {
    await deleteDepartment(db, by(request), request.params.id);
    return reply.status(204).send();
  });

  // Staff roster
  app.post('/api/org/staff', { config: { access: 'org.manage' }, schema: { tags: ['org'], body: StaffBody, response: { 201: z.object({ staff: StaffView }) } } }, async (request, reply) =>
    reply.status(201).send({ staff: await createStaff(db, by(request), request.body) }),
  );
  app.patch(
    '/api/org/staff/:id',
    { config: { access: 'org.manage' }, schema: { tags: ['org'], params: IdParams, body: StaffPatch, response: { 200: z.object({ staff: StaffView }) } } },
    async (request) => ({
      staff: await updateStaff(db, by(request), request.params.id, request.body),
    }),
  );
  app.delete('/api/org/staff/:id', { config: { access: 'org.manage' }, schema: { tags: ['org'], params: IdParams } }, async (request, reply) => {
    await deleteStaff(db, by(request), request.params.id);
    return reply.status(204).send();
  });
}
