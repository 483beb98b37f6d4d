/**
 * The vocabulary of notifications: the kinds of channel a notification is delivered to and the
 * states of a delivery. Pure (no zod, no database): the web imports it too. A new channel kind is
 * a line here, its driver in channels/<kind>.ts and a migration widening the CHECK constraint.
 */

export const CHANNEL_KINDS = ['email', 'wecom', 'dingtalk', 'telegram', 'slack', 'webhook', 'in_app'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** pending (waiting or being retried) → sent, or dead after the last attempt (an admin may retry it). */
export const DELIVERY_STATUSES = ['pending', 'sent', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
