// What other features use of settings: who can be given work or notifications.
export { listActiveUsers } from './api.ts';
export type { User } from './types.ts';
