import { z } from 'zod';

/** The URL of a chat robot or webhook. */
export const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000);
