import type { ApiItem } from '../../lib/api-types.ts';

export type Alert = ApiItem<'/api/alerts'>;
export type AlertRule = ApiItem<'/api/alert-rules'>;
export type AppNotification = ApiItem<'/api/notifications'>;
export type Delivery = ApiItem<'/api/deliveries'>;
export type OutboxMailSummary = ApiItem<'/api/mail-outbox'>;

/**
 * A channel's settings. Hand-written: the server's schema leaves `config` open (its shape depends
 * on the kind), so the generated type is only a record of unknowns.
 */
export interface ChannelConfig {
  to?: string[];
  url?: string;
  secret?: string;
  botToken?: string;
  chatId?: string;
  apiBase?: string;
  userIds?: string[];
  roles?: string[];
}

export type AlertChannel = Omit<ApiItem<'/api/alert-channels'>, 'config'> & { config: ChannelConfig };
