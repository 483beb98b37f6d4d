import type { JobDefinition } from '../../jobs/registry.ts';
import { checkSla } from '../check-sla.ts';

/** Every minute: escalates cases past their due times. */
export const checkSlaJob: JobDefinition = {
  name: 'cases-check-sla',
  cron: '* * * * *',
  async handle(ctx) {
    await checkSla(ctx);
  },
};
