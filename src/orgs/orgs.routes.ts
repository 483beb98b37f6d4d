import type { AuditAction } from '../audit/audit.vocab.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import { IdParams } from '../auth/auth.schemas.ts';
import { requireAuth } from '../core/request.ts';
import { notFound } from '../core/errors.ts';
import { assertInOrg, findDepartments, findLocations, findStaff } from './orgs.queries.ts';
import { DepartmentBody, DepartmentPatch, DepartmentView, LocationBody, LocationPatch, LocationView, OrgView, StaffBody, StaffPatch, StaffView } from './orgs.schemas.ts';

export async function orgRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const db = server.ctx.db;
  const audit = (request: FastifyRequest, action: AuditAction, targetType: string, targetId: string, details?: Record<string, unknown>) => {
    const auth = requireAuth(request);
    return recordAudit(db, { orgId: auth.orgId, userId: auth.userId, actor: auth.email, action, targetType, targetId, ip: request.ip, details });
  };

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
      const org = await db.selectFrom('organisations').select(['id', 'slug', 'name', 'timezone']).where('id', '=', orgId).executeTakeFirstOrThrow();
      const [locations, departments, staff] = await Promise.all([findLocations(db, orgId), findDepartments(db, orgId), findStaff(db, orgId)]);
      return { org, locations, departments, staff };
    },
  );

  // Locations
  app.post('/api/org/locations', { config: { access: 'org.manage' }, schema: { tags: ['org'], body: LocationBody, response: { 201: z.object({ location: LocationView }) } } }, async (request, reply) => {
    const { orgId } = requireAuth(request);
    const b = request.body;
    const location = await db
      .insertInto('locations')
      .values({ org_id: orgId, code: b.code, name: b.name, address: b.address ?? '', timezone: b.timezone ?? 'UTC' })
      .returning(['id', 'code', 'name', 'address', 'timezone'])
      .executeTakeFirstOrThrow();
    await audit(request, 'location.create', 'location', location.id, { code: b.code });
    return reply.status(201).send({ location });
  });
  app.patch('/api/org/locations/:id', { config: { access: 'org.manage' }, schema: { tags: ['org'], params: IdParams, body: LocationPatch, response: { 200: z.object({ location: LocationView }) } } }, async (request) => {
    const { orgId } = requireAuth(request);
    const location = await db
      .updateTable('locations')
      .set({ ...request.body })
      .where('id', '=', request.params.id)
      .where('org_id', '=', orgId)
      .returning(['id', 'code', 'name', 'address', 'timezone'])
      .executeTakeFirst();
    if (!location) throw notFound('location');
    await audit(request, 'location.update', 'location', location.id, request.body);
    return { location };
  });
  app.delete('/api/org/locations/:id', { config: { access: 'org.manage' }, schema: { tags: ['org'], params: IdParams } }, async (request, reply) => {
    const { orgId } = requireAuth(request);
    const gone = await db.deleteFrom('locations').where('id', '=', request.params.id).where('org_id', '=', orgId).returning('id').executeTakeFirst();
    if (!gone) throw notFound('location');
    await audit(request, 'location.delete', 'location', gone.id);
    return reply.status(204).send();
  });

  // Departments
  app.post('/api/org/departments', { config: { access: 'org.manage' }, schema: { tags: ['org'], body: DepartmentBody, response: { 201: z.object({ department: DepartmentView }) } } }, async (request, reply) => {
    const { orgId } = requireAuth(request);
    const b = request.body;
    await assertInOrg(db, 'locations', orgId, b.locationId, 'locationId');
    const department = await db
      .insertInto('departments')
      .values({ org_id: orgId, code: b.code, name: b.name, location_id: b.locationId ?? null })
      .returning(['id', 'code', 'name', 'location_id as locationId'])
      .executeTakeFirstOrThrow();
    await audit(request, 'department.create', 'department', department.id, { code: b.code });
    return reply.status(201).send({ department });
  });
  app.patch('/api/org/departments/:id', { config: { access: 'org.manage' }, schema: { tags: ['org'], params: IdParams, body: DepartmentPatch, response: { 200: z.object({ department: DepartmentView }) } } }, async (request) => {
    const { orgId } = requireAuth(request);
    const b = request.body;
    await assertInOrg(db, 'locations', orgId, b.locationId, 'locationId');
    const department = await db
      .updateTable('departments')
      .set({ code: b.code, name: b.name, location_id: b.locationId })
      .where('id', '=', request.params.id)
      .where('org_id', '=', orgId)
      .returning(['id', 'code', 'name', 'location_id as locationId'])
      .executeTakeFirst();
    if (!department) throw notFound('department');
    await audit(request, 'department.update', 'department', department.id, b);
    return { department };
  });
  app.delete('/api/org/departments/:id', { config: { access: 'org.manage' }, schema: { tags: ['org'], params: IdParams } }, async (request, reply) => {
    const { orgId } = requireAuth(request);
    const gone = await db.deleteFrom('departments').where('id', '=', request.params.id).where('org_id', '=', orgId).returning('id').executeTakeFirst();
    if (!gone) throw notFound('department');
    await audit(request, 'department.delete', 'department', gone.id);
    return reply.status(204).send();
  });

  // Staff roster
  app.post('/api/org/staff', { config: { access: 'org.manage' }, schema: { tags: ['org'], body: StaffBody, response: { 201: z.object({ staff: StaffView }) } } }, async (request, reply) => {
    const { orgId } = requireAuth(request);
    const b = request.body;
    await assertInOrg(db, 'departments', orgId, b.departmentId, 'departmentId');
    const staff = await db
      .insertInto('staff')
      .values({ org_id: orgId, name: b.name, title: b.title ?? '', department_id: b.departmentId ?? null, aliases: b.aliases ?? [] })
      .returning(['id', 'name', 'title', 'department_id as departmentId', 'aliases'])
      .executeTakeFirstOrThrow();
    await audit(request, 'staff.create', 'staff', staff.id, { name: b.name });
    return reply.status(201).send({ staff });
  });
  app.patch('/api/org/staff/:id', { config: { access: 'org.manage' }, schema: { tags: ['org'], params: IdParams, body: StaffPatch, response: { 200: z.object({ staff: StaffView }) } } }, async (request) => {
    const { orgId } = requireAuth(request);
    const b = request.body;
    await assertInOrg(db, 'departments', orgId, b.departmentId, 'departmentId');
    const staff = await db
      .updateTable('staff')
      .set({ name: b.name, title: b.title, department_id: b.departmentId, aliases: b.aliases })
      .where('id', '=', request.params.id)
      .where('org_id', '=', orgId)
      .returning(['id', 'name', 'title', 'department_id as departmentId', 'aliases'])
      .executeTakeFirst();
    if (!staff) throw notFound('staff member');
    await audit(request, 'staff.update', 'staff', staff.id, b);
    return { staff };
  });
  app.delete('/api/org/staff/:id', { config: { access: 'org.manage' }, schema: { tags: ['org'], params: IdParams } }, async (request, reply) => {
    const { orgId } = requireAuth(request);
    const gone = await db.deleteFrom('staff').where('id', '=', request.params.id).where('org_id', '=', orgId).returning('id').executeTakeFirst();
    if (!gone) throw notFound('staff member');
    await audit(request, 'staff.delete', 'staff', gone.id);
    return reply.status(204).send();
  });
}
