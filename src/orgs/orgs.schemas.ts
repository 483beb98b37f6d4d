import { z } from 'zod';
import { LOCALES } from '../core/i18n.ts';
import { CODE_PATTERN, isTimeZone } from './orgs.vocab.ts';

const code = z.string().trim().min(1).max(40).regex(CODE_PATTERN, 'code may hold letters, digits, _ . - only');
const timezone = z.string().trim().refine(isTimeZone, 'timezone must be an IANA time zone such as Asia/Shanghai');

/** `defaultLocale`: the language of the organisation's users who chose none (notifications, e-mails). */
export const OrgView = z.object({ id: z.string(), slug: z.string(), name: z.string(), timezone: z.string(), defaultLocale: z.enum(LOCALES) });
export const OrgPatch = z.object({ defaultLocale: z.enum(LOCALES) });
export const LocationView = z.object({ id: z.string(), code: z.string(), name: z.string(), address: z.string(), timezone: z.string() });
export const DepartmentView = z.object({ id: z.string(), code: z.string(), name: z.string(), locationId: z.string().nullable() });
export const StaffView = z.object({ id: z.string(), name: z.string(), title: z.string(), departmentId: z.string().nullable(), aliases: z.array(z.string()) });

export const LocationBody = z.object({
  code,
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().max(500).optional(),
  timezone: timezone.optional(),
});
export const DepartmentBody = z.object({ code, name: z.string().trim().min(1).max(200), locationId: z.uuid().nullable().optional() });
export const StaffBody = z.object({
  name: z.string().trim().min(1).max(200),
  title: z.string().trim().max(200).optional(),
  departmentId: z.uuid().nullable().optional(),
  aliases: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
});

// An UPDATE with nothing to set is not valid SQL; refuse an empty PATCH as bad input instead.
const someField = (body: Record<string, unknown>) => Object.values(body).some((v) => v !== undefined);
const SOME_FIELD = 'send at least one field to change';
export const LocationPatch = LocationBody.partial().refine(someField, SOME_FIELD);
export const DepartmentPatch = DepartmentBody.partial().refine(someField, SOME_FIELD);
export const StaffPatch = StaffBody.partial().refine(someField, SOME_FIELD);
