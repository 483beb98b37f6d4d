import type { Db } from './database.ts';

/** PostgreSQL's codes for a transaction it chose to abort and that may simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);

/**
 * Runs `work` in a transaction and runs it again (up to `attempts` times, with a short growing
 * pause) when PostgreSQL aborts it as a deadlock victim or a serialization failure: the whole
 * transaction rolled back, so nothing is written twice. Any other error is thrown at once.
 */
export async function transactionWithRetry<T>(db: Db, work: (trx: Db) => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      const code = (error as { code?: unknown })?.code;
      if (attempt >= attempts || typeof code !== 'string' || !RETRYABLE.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.floor(Math.random() * 30)));
    }
  }
}
