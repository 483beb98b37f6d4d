import { useI18n } from '../../i18n/index.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { CrudCard } from '../../ui/CrudCard.tsx';
import { deleteRule, listChannels, listRules } from './api.ts';
import { EnabledBadge } from './EnabledBadge.tsx';
import { RuleForm } from './RuleForm.tsx';

export function AlertRulesTab() {
  const { t } = useI18n();
  const loaded = useResource(async () => {
    const [rules, channels] = await Promise.all([listRules(), listChannels()]);
    return { rules: rules.items, channels: channels.items };
  }, []);
  const rules = loaded.data?.rules ?? (loaded.error ? [] : null);
  const channels = loaded.data?.channels ?? [];
  const channelName = (id: string) => channels.find((c) => c.id === id)?.name ?? id;

  return (
    <CrudCard
      items={rules}
      newLabel={t('rules.new')}
      emptyTitle={t('rules.empty')}
      testId="alert-rules"
      label={(r) => r.name}
      remove={(r) => deleteRule(r.id)}
      reload={loaded.reload}
      form={(rule, done) => <RuleForm rule={rule} channels={channels} onDone={done} />}
      columns={[
        { header: t('common.name'), cellClassName: 'strong', render: (r) => r.name },
        {
          header: t('rules.kind'),
          render: (r) => (r.kind === 'mention' ? t('rules.kindMention') : `${t('rules.kindVolume')} · ${t(`metric.${r.volume?.metric ?? 'negative_count'}`)}`),
        },
        { header: t('rules.channels'), render: (r) => r.channelIds.map(channelName).join(', ') || t('common.none') },
        { header: t('rules.cooldown'), render: (r) => t('rules.minutes', { n: r.cooldownMinutes }) },
        { header: t('rules.enabled'), render: (r) => <EnabledBadge enabled={r.enabled} /> },
      ]}
    />
  );
}
