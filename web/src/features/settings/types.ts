import type { ApiItem } from '../../lib/api-types.ts';

export type User = ApiItem<'/api/users'>;
