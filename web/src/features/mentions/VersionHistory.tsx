import { useI18n } from '../../i18n/index.tsx';
import type { MentionVersion } from './types.ts';

/** Shows what changed between two texts: the common head and tail are trimmed, the middle is struck and inserted. */
function TextChange({ before, after }: { before: string; after: string }) {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const context = 40;
  const lead = before.slice(Math.max(0, head - context), head);
  const removed = before.slice(head, before.length - tail);
  const added = after.slice(head, after.length - tail);
  const trail = after.slice(after.length - tail, Math.min(after.length, after.length - tail + context));
  return (
    <div className="text-change">
      {head > context && '…'}
      {lead}
      {removed && <del>{removed}</del>}
      {added && <ins>{added}</ins>}
      {trail}
      {tail > context && '…'}
    </div>
  );
}

/** Every version of a mention, newest first, each with what changed since the one before. */
export function VersionHistory({ versions }: { versions: MentionVersion[] }) {
  const { t, formatDate, formatNumber } = useI18n();
  if (versions.length <= 1) return <p className="muted">{t('mention.neverEdited')}</p>;
  const sorted = [...versions].sort((x, y) => x.version - y.version);
  const entries = sorted.map((v, i) => ({ current: v, previous: i > 0 ? sorted[i - 1]! : null })).reverse();
  const rating = (n: number | null) => (n === null ? t('mention.noRating') : formatNumber(n));
  return (
    <ol className="history">
      {entries.map(({ current, previous }) => {
        const titleChanged = previous !== null && (previous.title ?? '') !== (current.title ?? '');
        const textChanged = previous !== null && previous.text !== current.text;
        const ratingChanged = previous !== null && previous.ratingRaw !== current.ratingRaw;
        return (
          <li key={current.version} className="history-entry">
            <div className="history-head">
              <strong>{t('mention.version', { n: current.version })}</strong>
              <span className="muted small">{formatDate(current.receivedAt)}</span>
            </div>
            {previous === null ? (
              <div className="muted small">{t('mention.firstVersion')}</div>
            ) : (
              <div className="history-changes">
                {titleChanged && (
                  <div>
                    <span className="chip">{t('mention.changedTitle')}</span>
                    <TextChange before={previous.title ?? ''} after={current.title ?? ''} />
                  </div>
                )}
                {ratingChanged && (
                  <div>
                    <span className="chip">{t('mention.changedRating')}</span> {rating(previous.ratingRaw)} → {rating(current.ratingRaw)}
                  </div>
                )}
                {textChanged && (
                  <div>
                    <span className="chip">{t('mention.changedText')}</span>
                    <TextChange before={previous.text} after={current.text} />
                  </div>
                )}
                {!titleChanged && !ratingChanged && !textChanged && <div className="muted small">{t('mention.noChange')}</div>}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
