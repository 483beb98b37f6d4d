import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';
import { useApp } from '../app-context.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Link } from '../router.tsx';
import { HighlightedText } from '../components/HighlightedText.tsx';
import { LangBadge, Modal, Spinner, Stars } from '../components/ui.tsx';
import { CaseStatusBadge, SlaCountdown, TierBadge, caseLabel, useNow } from '../components/case-ui.tsx';
import { ReplyEditor, ReplyList } from './ReplyEditor.tsx';
import {
  aspectIds,
  caseStatuses,
  handlingTypes,
  type CaseAction,
  type CaseDetail,
  type CaseStatus,
  type CaseTier,
  type HandlingType,
  type RootCause,
  type TimelineEntry,
  type User,
} from '../types.ts';

/** Where each status may go next (the server's table; it has the last word and says why it refuses). */
const nextStatuses: Record<CaseStatus, CaseStatus[]> = {
  new: ['acknowledged'],
  acknowledged: ['investigating'],
  investigating: ['handling', 'responded'],
  handling: ['responded'],
  responded: ['repairing'],
  repairing: [],
  closed: [],
};

/** A malicious case may close without a public response; the others close once responded. */
function isClosable(tier: CaseTier, status: CaseStatus): boolean {
  const from: CaseStatus[] = tier === 'malicious' ? ['investigating', 'handling', 'responded', 'repairing'] : ['responded', 'repairing'];
  return from.includes(status);
}

function messageOf(error: unknown): string | null {
  return error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 401 ? error.message : null;
}

export function CasePage({ id }: { id: string }) {
  const { t, formatDate } = useI18n();
  const { can, reportError, notify } = useApp();
  const now = useNow();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [missing, setMissing] = useState(false);
  const [users, setUsers] = useState<User[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<'close' | 'reopen' | null>(null);
  const canWork = can('cases.work');

  const load = useCallback(async () => {
    try {
      setDetail(await api<CaseDetail>(`/api/cases/${encodeURIComponent(id)}`));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) setMissing(true);
      else reportError(error);
    }
  }, [id, reportError]);

  useEffect(() => {
    void load();
  }, [load]);

  // The user list is for administrators; everyone else picks owners by name or assigns to themselves.
  const canListUsers = canWork && can('users.manage');
  useEffect(() => {
    if (!canListUsers) return;
    api<{ items: User[] }>('/api/users')
      .then((res) => setUsers(res.items.filter((u) => !u.disabled)))
      .catch(() => setUsers(null));
  }, [canListUsers]);

  const run = async (action: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    try {
      await action();
      if (done) notify(done);
      await load();
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };

  if (missing) return <div className="empty-state">{t('cases.notFound')}</div>;
  if (!detail) return <Spinner />;
  const c = detail.case;
  const base = `/api/cases/${encodeURIComponent(c.id)}`;
  const transition = (to: CaseStatus) =>
    run(() => api(`${base}/transition`, { method: 'POST', body: { to } }), t('case.moved', { status: t(`caseStatus.${to}`) }));
  const assign = (assigneeId: string) => run(() => api(`${base}/assign`, { method: 'POST', body: { assigneeId } }), t('common.saved'));
  const timeline = [...detail.timeline].sort((a, b) => b.at.localeCompare(a.at));

  return (
    <div className="page case-page" data-testid="case-page">
      <div className="breadcrumb small">
        <Link href="/cases">← {t('nav.cases')}</Link>
      </div>
      <section className="card case-header">
        <div className="case-header-main">
          <div className="case-title-row">
            <span className="case-number">{caseLabel(c)}</span>
            <h1 className="case-title">{c.title}</h1>
          </div>
          <div className="chip-row">
            <TierBadge tier={c.tier} />
            <span data-testid="case-status">
              <CaseStatusBadge status={c.status} />
            </span>
            <SlaCountdown value={c} now={now} />
            {c.escalationLevel > 0 && <span className="badge badge-negative">{t('case.escalated', { n: c.escalationLevel })}</span>}
            {c.team && <span className="badge">{c.team}</span>}
          </div>
          <dl className="meta-grid case-meta">
            <dt>{t('case.opened')}</dt>
            <dd>{formatDate(c.openedAt)}</dd>
            <dt>{t('sla.firstResponse')}</dt>
            <dd>
              {formatDate(c.firstResponseDueAt)}
              {c.respondedAt && <span className="muted small"> · {t('case.respondedAt', { at: formatDate(c.respondedAt) })}</span>}
            </dd>
            <dt>{t('sla.resolution')}</dt>
            <dd>{formatDate(c.resolutionDueAt)}</dd>
            {c.closedAt && (
              <>
                <dt>{t('case.closedAt')}</dt>
                <dd>{formatDate(c.closedAt)}</dd>
              </>
            )}
            {c.rootCause && (
              <>
                <dt>{t('case.rootCause')}</dt>
                <dd>{c.rootCause}</dd>
              </>
            )}
            <dt>{t('case.assignee')}</dt>
            <dd>
              {canWork && users ? (
                <select
                  name="assignee"
                  className="inline-select"
                  value={c.assigneeId ?? ''}
                  disabled={busy}
                  onChange={(e) => e.target.value && void assign(e.target.value)}
                >
                  <option value="">{t('cases.unassigned')}</option>
                  {users.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name || u.email}
                    </option>
                  ))}
                </select>
              ) : (
                <>
                  {c.assigneeName ?? t('cases.unassigned')}{' '}
                  {canWork && <AssignToMe disabled={busy} current={c.assigneeId} onAssign={assign} />}
                </>
              )}
            </dd>
          </dl>
        </div>
        {canWork && (
          <div className="case-workflow" data-testid="case-workflow">
            {nextStatuses[c.status].map((to) => (
              <button key={to} type="button" className="btn btn-primary" disabled={busy} onClick={() => void transition(to)}>
                {t(`caseAction.${to}`)}
              </button>
            ))}
            {isClosable(c.tier, c.status) && (
              <button type="button" className="btn" data-testid="close-case" disabled={busy} onClick={() => setDialog('close')}>
                {t('case.close')}
              </button>
            )}
            {c.status === 'closed' && (
              <button type="button" className="btn" disabled={busy} onClick={() => setDialog('reopen')}>
                {t('case.reopen')}
              </button>
            )}
            {c.tier === 'malicious' && (
              <a className="btn" href={`${base}/evidence.zip`} download>
                ⇩ {t('case.evidence')}
              </a>
            )}
          </div>
        )}
      </section>

      <div className="case-grid">
        <div className="case-col">
          <section className="card">
            <h2>{t('case.mentions')}</h2>
            {detail.mentions.length === 0 && <p className="muted">{t('common.none')}</p>}
            {detail.mentions.map((m) => (
              <article key={m.id} className="case-mention">
                <div className="case-mention-head small">
                  <span className="strong">{m.sourceName}</span>
                  <Stars rating={m.rating} />
                  <LangBadge lang={m.lang} />
                  <span className="muted">{formatDate(m.publishedAt ?? m.receivedAt)}</span>
                  <span className="spacer" />
                  <Link href={`/inbox?mention=${encodeURIComponent(m.id)}`}>{t('case.openInInbox')} →</Link>
                </div>
                {m.title && <div className="strong">{m.title}</div>}
                <HighlightedText text={m.text} analysis={m.analysis} />
              </article>
            ))}
          </section>

          <section className="card">
            <h2>{t('reply.title')}</h2>
            <ReplyList replies={detail.replies} onChanged={load} />
            {canWork && c.status !== 'closed' && <ReplyEditor caseId={c.id} tier={c.tier} patientLang={detail.mentions[0]?.lang ?? null} onSaved={load} />}
          </section>

          <HandlingSection detail={detail} onChanged={load} />
          <ActionsSection detail={detail} users={users} onChanged={load} />
        </div>

        <aside className="case-col case-side">
          <section className="card">
            <h2>{t('case.timeline')}</h2>
            <ol className="timeline" data-testid="timeline">
              {timeline.map((entry) => (
                <TimelineItem key={entry.id} entry={entry} />
              ))}
            </ol>
          </section>
        </aside>
      </div>

      {dialog === 'close' && <CloseDialog caseId={c.id} onClose={() => setDialog(null)} onDone={load} />}
      {dialog === 'reopen' && <ReopenDialog caseId={c.id} onClose={() => setDialog(null)} onDone={load} />}
    </div>
  );
}

function AssignToMe({ current, disabled, onAssign }: { current: string | null; disabled: boolean; onAssign(id: string): void }) {
  const { t } = useI18n();
  const { me } = useApp();
  if (current === me.id) return null;
  return (
    <button type="button" className="btn btn-small" disabled={disabled} onClick={() => onAssign(me.id)}>
      {t('case.assignToMe')}
    </button>
  );
}

/** Ids and flags stay out of the timeline; the rest is shown as values, translated where they are codes. */
const hiddenKeys = new Set(['from', 'to', 'auto', 'privacyOk', 'brandVoiceOk']);
const codePrefixes: Record<string, string> = { kind: 'actions', type: 'handling', aspect: 'aspect', tier: 'tier', lang: 'lang', status: 'actions' };

/** One line per timeline entry; its data is shown as short key: value pairs, never as markup. */
function TimelineItem({ entry }: { entry: TimelineEntry }) {
  const { t, tx, formatDate } = useI18n();
  const label = tx('timeline', entry.type);
  const data = entry.data && typeof entry.data === 'object' ? (entry.data as Record<string, unknown>) : {};
  const isStatus = (v: unknown): v is CaseStatus => typeof v === 'string' && (caseStatuses as readonly string[]).includes(v);
  const values = Object.entries(data)
    .filter(([k, v]) => !hiddenKeys.has(k) && !/Id$/.test(k) && v !== null && v !== undefined && v !== '' && typeof v !== 'object' && typeof v !== 'boolean')
    .slice(0, 6)
    .map(([k, v]) => {
      const text = String(v);
      if (k in codePrefixes) return tx(codePrefixes[k]!, text);
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
      {values.length > 0 && <div className="small timeline-data">{values.join(' · ')}</div>}
    </li>
  );
}

function HandlingSection({ detail, onChanged }: { detail: CaseDetail; onChanged(): Promise<void> }) {
  const { t, formatDate, formatNumber } = useI18n();
  const { can, reportError, notify } = useApp();
  const [type, setType] = useState<HandlingType>('apology');
  const [note, setNote] = useState('');
  const [amount, setAmount] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const body: Record<string, unknown> = { type, note: note.trim() };
      if (type === 'compensation' && amount.trim()) body.amount = Number(amount);
      await api(`/api/cases/${encodeURIComponent(detail.case.id)}/handling`, { method: 'POST', body });
      notify(t('common.saved'));
      setNote('');
      setAmount('');
      await onChanged();
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card">
      <h2>{t('handling.title')}</h2>
      {detail.handling.length === 0 ? (
        <p className="muted">{t('handling.empty')}</p>
      ) : (
        <ul className="record-list">
          {detail.handling.map((h) => (
            <li key={h.id}>
              <span className="badge">{t(`handling.${h.type}`)}</span> {h.note}
              {h.amount !== null && h.amount !== undefined && <span className="strong"> · {formatNumber(h.amount)}</span>}
              <span className="muted small"> · {formatDate(h.at)}</span>
            </li>
          ))}
        </ul>
      )}
      {can('cases.work') && detail.case.status !== 'closed' && (
        <form className="form-row handling-form" onSubmit={(e) => void submit(e)}>
          <label className="field field-narrow">
            <span>{t('handling.type')}</span>
            <select name="handlingType" value={type} onChange={(e) => setType(e.target.value as HandlingType)}>
              {handlingTypes.map((x) => (
                <option key={x} value={x}>
                  {t(`handling.${x}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('handling.note')}</span>
            <input name="handlingNote" required value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          {type === 'compensation' && (
            <label className="field field-narrow">
              <span>{t('handling.amount')}</span>
              <input name="handlingAmount" type="number" min="0" step="0.01" value={amount} onChange={(e) => setAmount(e.target.value)} />
            </label>
          )}
          <div className="field field-button">
            <button type="submit" className="btn" disabled={busy}>
              {t('common.add')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function ActionsSection({ detail, users, onChanged }: { detail: CaseDetail; users: User[] | null; onChanged(): Promise<void> }) {
  const { t, tx, formatDate } = useI18n();
  const { can, me, reportError, notify } = useApp();
  const [kind, setKind] = useState<CaseAction['kind']>('corrective');
  const [description, setDescription] = useState('');
  const [aspect, setAspect] = useState<string>(aspectIds[0]);
  const [ownerId, setOwnerId] = useState(me.id);
  const [dueAt, setDueAt] = useState('');
  const [busy, setBusy] = useState(false);
  const base = `/api/cases/${encodeURIComponent(detail.case.id)}/actions`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await api(base, {
        method: 'POST',
        body: {
          kind,
          description: description.trim(),
          aspect,
          ownerId,
          dueAt: new Date(`${dueAt}T23:59:00`).toISOString(),
        },
      });
      notify(t('common.saved'));
      setDescription('');
      setDueAt('');
      await onChanged();
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };

  const markDone = async (action: CaseAction) => {
    try {
      await api(`${base}/${encodeURIComponent(action.id)}`, { method: 'PATCH', body: { status: 'done' } });
      await onChanged();
    } catch (error) {
      reportError(error);
    }
  };
  const percent = (n: number | null) => (n === null ? '—' : `${Math.round(n * 100)}%`);

  return (
    <section className="card">
      <h2>{t('actions.title')}</h2>
      {detail.actions.length === 0 ? (
        <p className="muted">{t('actions.empty')}</p>
      ) : (
        <ul className="record-list" data-testid="actions">
          {detail.actions.map((a) => (
            <li key={a.id} className={a.status === 'done' ? 'done' : undefined}>
              <div className="record-head">
                <span className={`badge ${a.kind === 'preventive' ? 'badge-positive' : 'badge-kind'}`}>{t(`actions.${a.kind}`)}</span>
                <span className="strong">{a.description}</span>
                <span className="spacer" />
                {a.status === 'done' ? (
                  <span className="badge badge-positive">✓ {t('actions.done')}</span>
                ) : (
                  can('cases.work') && (
                    <button type="button" className="btn btn-small" onClick={() => void markDone(a)}>
                      {t('actions.markDone')}
                    </button>
                  )
                )}
              </div>
              <div className="small muted">
                {a.aspect ? tx('aspect', a.aspect) : t('common.none')} · {a.ownerName ?? t('cases.unassigned')} ·{' '}
                {t('actions.due', { at: formatDate(a.dueAt, false) })}
              </div>
              {a.effect && (
                <div className="effect small" data-testid="action-effect">
                  {t('actions.effect', {
                    aspect: tx('aspect', a.effect.aspect),
                    days: a.effect.days,
                    before: percent(a.effect.before.negativeShare),
                    after: percent(a.effect.after.negativeShare),
                    nBefore: a.effect.before.n,
                    nAfter: a.effect.after.n,
                  })}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {can('cases.work') && detail.case.status !== 'closed' && (
        <form className="form inline-form" onSubmit={(e) => void submit(e)} data-testid="action-form">
          <div className="form-grid">
            <label className="field">
              <span>{t('actions.kind')}</span>
              <select name="actionKind" value={kind} onChange={(e) => setKind(e.target.value as CaseAction['kind'])}>
                <option value="corrective">{t('actions.corrective')}</option>
                <option value="preventive">{t('actions.preventive')}</option>
              </select>
            </label>
            <label className="field">
              <span>{t('actions.aspect')}</span>
              <select name="actionAspect" value={aspect} onChange={(e) => setAspect(e.target.value)}>
                {aspectIds.map((x) => (
                  <option key={x} value={x}>
                    {tx('aspect', x)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('actions.owner')}</span>
              {users ? (
                <select name="actionOwner" value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
                  {users.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name || u.email}
                    </option>
                  ))}
                </select>
              ) : (
                <input name="actionOwner" value={me.name || me.email} readOnly title={t('actions.ownerSelf')} />
              )}
            </label>
            <label className="field">
              <span>{t('actions.dueAt')}</span>
              <input name="actionDue" type="date" required value={dueAt} onChange={(e) => setDueAt(e.target.value)} />
            </label>
            <label className="field field-wide">
              <span>{t('actions.description')}</span>
              <input name="actionDescription" required value={description} onChange={(e) => setDescription(e.target.value)} />
            </label>
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('actions.add')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function CloseDialog({ caseId, onClose, onDone }: { caseId: string; onClose(): void; onDone(): Promise<void> }) {
  const { t } = useI18n();
  const { reportError, notify } = useApp();
  const [causes, setCauses] = useState<RootCause[] | null>(null);
  const [rootCauseId, setRootCauseId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<{ items: RootCause[] }>('/api/root-causes')
      .then((res) => setCauses(res.items.filter((x) => x.active)))
      .catch((e) => {
        reportError(e);
        setCauses([]);
      });
  }, [reportError]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api(`/api/cases/${encodeURIComponent(caseId)}/close`, {
        method: 'POST',
        body: { rootCauseId: rootCauseId || undefined, note: note.trim() || undefined },
      });
      notify(t('case.closedNotice'));
      onClose();
      await onDone();
    } catch (err) {
      const message = messageOf(err);
      if (message) setError(message);
      else reportError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('case.closeTitle')} onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        {error && (
          <div className="form-error" role="alert">
            {error}
          </div>
        )}
        <label className="field">
          <span>{t('case.rootCause')}</span>
          <select name="rootCauseId" value={rootCauseId} onChange={(e) => setRootCauseId(e.target.value)}>
            <option value="">{t('case.chooseRootCause')}</option>
            {(causes ?? []).map((x) => (
              <option key={x.id} value={x.id}>
                {x.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('case.lessons')}</span>
          <textarea name="closeNote" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <p className="muted small">{t('case.closeHint')}</p>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('case.close')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function ReopenDialog({ caseId, onClose, onDone }: { caseId: string; onClose(): void; onDone(): Promise<void> }) {
  const { t } = useI18n();
  const { reportError } = useApp();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api(`/api/cases/${encodeURIComponent(caseId)}/reopen`, { method: 'POST', body: { note: note.trim() } });
      onClose();
      await onDone();
    } catch (err) {
      const message = messageOf(err);
      if (message) setError(message);
      else reportError(err);
    }
  };
  return (
    <Modal title={t('case.reopen')} onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        {error && <div className="form-error">{error}</div>}
        <label className="field">
          <span>{t('case.reopenReason')}</span>
          <textarea name="reopenNote" rows={3} required value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary">
            {t('case.reopen')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
