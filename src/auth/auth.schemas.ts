import { z } from 'zod';
import { ROLES } from '../core/access.vocab.ts';

export const LoginBody = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1000),
});

export const Me = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  org: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  departmentIds: z.array(z.string()),
  permissions: z.array(z.string()),
});

export const UserView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  departmentIds: z.array(z.string()),
  disabled: z.boolean(),
  createdAt: z.date(),
  lastLoginAt: z.date().nullable(),
});

export const CreateUserBody = z.object({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  password: z.string().min(8, 'password must have at least 8 characters').max(1000),
  departmentIds: z.array(z.uuid()).max(100).optional(),
});

export const UpdateUserBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(ROLES).optional(),
  departmentIds: z.array(z.uuid()).max(100).optional(),
  disabled: z.boolean().optional(),
  password: z.string().min(8, 'password must have at least 8 characters').max(1000).optional(),
});

export const IdParams = z.object({ id: z.uuid({ message: 'id must be a UUID' }) });
export const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) });
