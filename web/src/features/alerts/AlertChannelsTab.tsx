import { useI18n } from '../../i18n/index.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { CrudCard } from '../../ui/CrudCard.tsx';
import { deleteChannel, listChannels } from './api.ts';
import { describeChannel } from './channel-fields.ts';
import { ChannelForm } from './ChannelForm.tsx';
import { EnabledBadge } from './EnabledBadge.tsx';

export function AlertChannelsTab() {
  const { t } = useI18n();
  const channels = useResource(() => listChannels().then((res) => res.items), [], { fallback: [] });

  return (
    <CrudCard
      items={channels.data}
      newLabel={t('channels.new')}
      emptyTitle={t('channels.empty')}
      testId="alert-channels"
      label={(c) => c.name}
      remove={(c) => deleteChannel(c.id)}
      reload={channels.reload}
      form={(channel, done) => <ChannelForm channel={channel} onDone={done} />}
      columns={[
        { header: t('common.name'), cellClassName: 'strong', render: (c) => c.name },
        { header: t('channels.kind'), render: (c) => t(`channelKind.${c.kind}`) },
        { header: t('channels.settings'), cellClassName: 'cell-clip small', render: (c) => <code>{describeChannel(c, t)}</code> },
        { header: t('rules.enabled'), render: (c) => <EnabledBadge enabled={c.enabled} /> },
      ]}
    />
  );
}
