import type { ApiItem, ApiResponse } from '../../lib/api-types.ts';

export type Source = ApiItem<'/api/sources'>;
export type ImportRun = ApiItem<'/api/imports'>;
export type ImportPreview = ApiResponse<'/api/imports/preview', 'post'>;
/** A new source, with the token or webhook secret it is given (shown once). */
export type CreatedSource = ApiResponse<'/api/sources', 'post'>;
export type Credentials = ApiResponse<'/api/sources/{id}/rotate-token', 'post'>;
