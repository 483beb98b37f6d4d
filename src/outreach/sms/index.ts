import type { Db } from '../../db/database.ts';
import type { SmsProviderKind } from '../outreach.vocab.ts';
import { aliyunProvider, type AliyunConfig } from './aliyun.ts';
import type { SmsProvider } from './sms-provider.ts';
import { smsRuProvider, type SmsRuConfig } from './smsru.ts';
import { twilioProvider, type TwilioConfig } from './twilio.ts';

export { SmsError, type SmsProvider } from './sms-provider.ts';

/** The development provider: keeps the message in the organisation's SMS outbox, which admins read, and sends nothing. */
export function logProvider(db: Db, orgId: string, invitationId: string | null): SmsProvider {
  return {
    kind: 'log',
    async send(to, text) {
      const row = await db.insertInto('sms_outbox').values({ org_id: orgId, invitation_id: invitationId, recipient: to, text_body: text }).returning('id').executeTakeFirstOrThrow();
      return { providerId: `log:${row.id}` };
    },
  };
}

/** The provider an organisation's settings name, with their config (already validated when saved). */
export function smsProviderFor(kind: SmsProviderKind, config: Record<string, string>, log: { db: Db; orgId: string; invitationId: string | null }): SmsProvider {
  switch (kind) {
    case 'aliyun':
      return aliyunProvider(config as unknown as AliyunConfig);
    case 'smsru':
      return smsRuProvider(config as unknown as SmsRuConfig);
    case 'twilio':
      return twilioProvider(config as unknown as TwilioConfig);
    case 'log':
      return logProvider(log.db, log.orgId, log.invitationId);
  }
}
