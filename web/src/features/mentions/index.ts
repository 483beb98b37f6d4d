// What other features use of mentions: reading one (an alert's mentions) and its shape.
export { getMention } from './api.ts';
export type { Analysis, Mention } from './types.ts';
