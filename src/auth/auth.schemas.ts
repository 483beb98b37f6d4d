import { z } from 'zod';
import { ROLES } from '../core/access.vocab.ts';
import { LOCALES } from '../core/i18n.ts';

export const LoginBody = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1000),
});

/** A language a user reads Verity in; null follows the organisation's default. */
const UserLocale = z.enum(LOCALES).nullable();

export const Me = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  org: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  departmentIds: z.array(z.string()),
  permissions: z.array(z.string()),
  /** The language the user chose, or null for the organisation's default. */
  locale: UserLocale,
  /** The roster entry this user is (their own scorecard), or null. */
  staffId: z.string().nullable(),
});

export const MePatch = z.object({ locale: UserLocale });

export const UserView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  departmentIds: z.array(z.string()),
  locale: UserLocale,
  /** The roster entry this user is (a doctor sees their own scorecard), or null. */
  staffId: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.date(),
  lastLoginAt: z.date().nullable(),
});

/** A new password; its policy (length, breached list, guessability) is checked by password-policy.ts with a message in the reader's language. */
const password = z.string().min(1).max(1000);

/** The signed-in user's own password change: the current one again, and the new one. */
export const PasswordChangeBody = z.object({ currentPassword: z.string().min(1).max(1000), newPassword: password });

export const CreateUserBody = z.object({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  password,
  departmentIds: z.array(z.uuid()).max(100).optional(),
  locale: UserLocale.optional(),
  staffId: z.uuid().nullable().optional(),
});

export const UpdateUserBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(ROLES).optional(),
  departmentIds: z.array(z.uuid()).max(100).optional(),
  disabled: z.boolean().optional(),
  password: password.optional(),
  locale: UserLocale.optional(),
  staffId: z.uuid().nullable().optional(),
});

export const IdParams = z.object({ id: z.uuid({ message: 'id must be a UUID' }) });
export const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) });
