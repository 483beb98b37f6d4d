import type { ChannelKind } from '../notifications.vocab.ts';
import { dingtalkDriver } from './dingtalk.ts';
import type { NotificationChannelDriver } from './driver.ts';
import { emailDriver } from './email.ts';
import { inAppDriver } from './in-app.ts';
import { slackDriver } from './slack.ts';
import { telegramDriver } from './telegram.ts';
import { webhookDriver } from './webhook.ts';
import { wecomDriver } from './wecom.ts';

/** Every channel kind's driver; TypeScript refuses a kind of CHANNEL_KINDS without one. */
export const CHANNEL_DRIVERS: Readonly<Record<ChannelKind, NotificationChannelDriver>> = {
  email: emailDriver,
  wecom: wecomDriver,
  dingtalk: dingtalkDriver,
  telegram: telegramDriver,
  slack: slackDriver,
  webhook: webhookDriver,
  in_app: inAppDriver,
};

export function driverOf(kind: ChannelKind): NotificationChannelDriver {
  return CHANNEL_DRIVERS[kind];
}

export { isMasked, maskSecret, DeliveryError, PermanentDeliveryError, type Message, type NotificationChannelDriver, type SendContext } from './driver.ts';
export { postRequest, SEND_TIMEOUT_MS, type OutgoingRequest } from './post-request.ts';
