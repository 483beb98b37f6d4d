import { expect, test } from 'vitest';
import type { Db } from './database.ts';
import { transactionWithRetry } from './retry-transaction.ts';

/** A store whose transactions fail with the given errors first, then run the work. */
function failingFirst(errors: unknown[]): { db: Db; runs: () => number } {
  let runs = 0;
  const db = { transaction: () => ({ execute: async (work: (trx: Db) => Promise<unknown>) => (runs++, errors.length ? Promise.reject(errors.shift()) : work(db)) }) } as unknown as Db;
  return { db, runs: () => runs };
}

test('a deadlock victim or a serialization failure runs again whole; the result is the last run', async () => {
  const { db, runs } = failingFirst([Object.assign(new Error('deadlock detected'), { code: '40P01' }), Object.assign(new Error('could not serialize'), { code: '40001' })]);
  expect(await transactionWithRetry(db, async () => 'written')).toBe('written');
  expect(runs()).toBe(3);
});

test('any other error, or a deadlock past the last attempt, is thrown', async () => {
  const other = failingFirst([Object.assign(new Error('duplicate key'), { code: '23505' })]);
  await expect(transactionWithRetry(other.db, async () => 'x')).rejects.toThrow('duplicate key');
  expect(other.runs()).toBe(1);
  const deadlock = () => Object.assign(new Error('deadlock detected'), { code: '40P01' });
  const always = failingFirst([deadlock(), deadlock(), deadlock()]);
  await expect(transactionWithRetry(always.db, async () => 'x', 3)).rejects.toThrow('deadlock detected');
  expect(always.runs()).toBe(3);
});
