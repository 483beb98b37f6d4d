import type { Migration } from 'kysely/migration';
import * as foundation from './20261125T1200-foundation.ts';

/** Every migration, by name; names sort in the order they run. Never edit one after it lands. */
export const migrations: Record<string, Migration> = {
  '20261125T1200-foundation': foundation,
};
