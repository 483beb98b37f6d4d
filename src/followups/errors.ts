import { AppError } from '../core/errors.ts';
import type { Params } from '../core/i18n.ts';
import { followupsMessages } from './followups.messages.ts';

type Key = Parameters<typeof followupsMessages.text>[0];

/** Not found (another organisation's id reads the same), in the reader's language. */
export const missing = (key: Key) => new AppError('not_found', followupsMessages.text(key));
/** A state that refuses the change (withdrawn enrolment, closed task). */
export const refused = (key: Key, params?: Params) => new AppError('conflict', followupsMessages.text(key, params));
