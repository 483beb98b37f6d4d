import { notificationsMessages } from '../notifications.messages.ts';
import { z } from 'zod';
import { ROLES, type Role } from '../../core/access.vocab.ts';
import { maskFields, PermanentDeliveryError, type NotificationChannelDriver } from './driver.ts';

export interface InAppConfig {
  userIds?: string[];
  roles?: Role[];
}

/**
 * The in-app bell: enqueueNotification turns the channel into a row per user it names (everyone
 * who may read alerts when it names nobody); nothing is sent by a job.
 */
export const inAppDriver: NotificationChannelDriver<InAppConfig, never> = {
  kind: 'in_app',
  configSchema: z.object({ userIds: z.array(z.uuid()).max(500).optional(), roles: z.array(z.enum(ROLES)).max(ROLES.length).optional() }).strict(),
  secretFields: [],
  deliveredByJob: false,
  render() {
    throw new PermanentDeliveryError(notificationsMessages.text('error.notByJob', { kind: 'in_app' }));
  },
  async send() {
    throw new PermanentDeliveryError(notificationsMessages.text('error.notByJob', { kind: 'in_app' }));
  },
  mask: maskFields([]),
};
