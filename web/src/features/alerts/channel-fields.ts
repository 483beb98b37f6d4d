import type { MessageKey, Translate } from '../../i18n/index.tsx';
import type { ChannelKind } from '../../lib/vocab.ts';
import type { AlertChannel } from './types.ts';

export type TextKey = 'url' | 'secret' | 'botToken' | 'chatId' | 'apiBase';

/** The text settings each kind of channel needs; secrets (URLs that carry a key too) come back masked and are kept when sent back unchanged. */
export const textFields: Record<ChannelKind, { key: TextKey; label: MessageKey; required: boolean; secret?: boolean }[]> = {
  email: [],
  wecom: [{ key: 'url', label: 'channels.webhookUrl', required: true, secret: true }],
  dingtalk: [
    { key: 'url', label: 'channels.webhookUrl', required: true, secret: true },
    { key: 'secret', label: 'channels.signSecret', required: false, secret: true },
  ],
  telegram: [
    { key: 'botToken', label: 'channels.botToken', required: true, secret: true },
    { key: 'chatId', label: 'channels.chatId', required: true },
    { key: 'apiBase', label: 'channels.apiBase', required: false },
  ],
  slack: [{ key: 'url', label: 'channels.webhookUrl', required: true, secret: true }],
  webhook: [
    { key: 'url', label: 'channels.url', required: true, secret: true },
    { key: 'secret', label: 'channels.signSecret', required: true, secret: true },
  ],
  in_app: [],
};

/** A channel's settings in one line for the table. */
export function describeChannel(c: AlertChannel, t: Translate): string {
  const cfg = c.config ?? {};
  switch (c.kind) {
    case 'email':
      return (cfg.to ?? []).join(', ');
    case 'telegram':
      return `${t('channels.chatId')}: ${cfg.chatId ?? ''} · ${cfg.botToken ?? ''}`;
    case 'in_app':
      return [...(cfg.roles ?? []).map((r) => t(`role.${r}` as MessageKey)), ...(cfg.userIds ?? []).map(() => '👤')].join(', ');
    default:
      return [cfg.url, cfg.secret].filter(Boolean).join(' · ');
  }
}
