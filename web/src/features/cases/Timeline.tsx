import { useI18n } from '../../i18n/index.tsx';
import { caseStatuses, type CaseStatus } from '../../lib/vocab.ts';
import { CaseStatusBadge } from './components.tsx';
import type { TimelineEntry } from './types.ts';

/** Ids and flags stay out of the timeline; the rest is shown as values, translated where they are codes. */
const hiddenKeys = new Set(['from', 'to', 'auto', 'privacyOk', 'brandVoiceOk', 'bulk', 'manual', 'fromName']);
const caseNumberKeys = new Set(['duplicateOf', 'fromCase']);
const codePrefixes: Record<string, string> = {
  outcome: 'cases.outcome',
  kind: 'actions',
  type: 'handling',
  aspect: 'aspect',
  tier: 'tier',
  lang: 'lang',
  status: 'actions',
  reason: 'linkReason',
  breached: 'breach',
  level: 'escalationLevel',
};
const isStatus = (v: unknown): v is CaseStatus => typeof v === 'string' && (caseStatuses as readonly string[]).includes(v);

/** What happened to a case, newest first. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  // Entries of one transaction share their time: the later one (higher id) first.
  const sorted = [...entries].sort((a, b) => b.at.localeCompare(a.at) || Number(b.id) - Number(a.id));
  return (
    <ol className="timeline" data-testid="timeline">
      {sorted.map((entry) => (
        <TimelineItem key={entry.id} entry={entry} />
      ))}
    </ol>
  );
}

/** One line per timeline entry; its data is shown as short key: value pairs, never as markup. */
function TimelineItem({ entry }: { entry: TimelineEntry }) {
  const { t, tx, formatDate } = useI18n();
  const label = tx('timeline', entry.type);
  const data: Record<string, unknown> = entry.data && typeof entry.data === 'object' ? entry.data : {};
  const values = Object.entries(data)
    .filter(([k, v]) => !hiddenKeys.has(k) && !/Id$/.test(k) && v !== null && v !== undefined && v !== '' && typeof v !== 'object' && typeof v !== 'boolean')
    .slice(0, 6)
    .map(([k, v]) => {
      const text = String(v);
      if (k === 'kind' && entry.type.startsWith('reply_')) return tx('reply', text);
      if (k in codePrefixes) return tx(codePrefixes[k]!, text);
      if (caseNumberKeys.has(k)) return `#${text}`;
      if (/At$/.test(k)) return formatDate(text, false);
      return text;
    });
  return (
    <li className="timeline-entry" data-type={entry.type}>
      <div className="timeline-head">
        <span className="strong">{label}</span>
        <span className="muted small">{formatDate(entry.at)}</span>
      </div>
      <div className="small muted">{entry.actorName || t('timeline.system')}</div>
      {isStatus(data.to) && (
        <div className="small">
          {isStatus(data.from) && (
            <>
              <CaseStatusBadge status={data.from} /> →{' '}
            </>
          )}
          <CaseStatusBadge status={data.to} />
        </div>
      )}
      {entry.type === 'team_changed' && typeof data.to === 'string' && (
        <div className="small">
          {typeof data.from === 'string' && data.from ? `${data.from} → ` : ''}
          {data.to}
        </div>
      )}
      {entry.type === 'assigned' && typeof data.fromName === 'string' && <div className="small muted">{data.fromName} →</div>}
      {entry.type === 'opened' && data.survey === true && (
        <div className="small">
          {t('timeline.fromSurvey')}
          {data.callbackRequested === true && <strong> · {t('timeline.callbackRequested')}</strong>}
        </div>
      )}
      {values.length > 0 && <div className="small timeline-data">{values.join(' · ')}</div>}
    </li>
  );
}
