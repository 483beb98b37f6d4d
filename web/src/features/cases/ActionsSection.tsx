import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { actionKinds, aspectIds, type ActionKind, type AspectId } from '../../lib/vocab.ts';
import { DateField } from '../../ui/DateField.tsx';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { RecordList } from '../../ui/RecordList.tsx';
import { InlineForm } from '../../ui/InlineForm.tsx';
import { EnumSelect, Select, optionsOf } from '../../ui/Select.tsx';
import type { User } from '../settings/index.ts';
import { caseCommand, markActionDone } from './api.ts';
import type { CaseAction, CaseDetail } from './types.ts';

const percent = (n: number | null) => (n === null ? '—' : `${Math.round(n * 100)}%`);

/** Corrective and preventive actions, and what each changed in the negative share of its aspect. */
export function ActionsSection({ detail, users, onChanged }: { detail: CaseDetail; users: User[] | null; onChanged(): Promise<void> }) {
  const { t, tx, formatDate } = useI18n();
  const { can, reportError } = useApp();
  const canWork = can('cases.work') && detail.case.status !== 'closed';

  const markDone = async (action: CaseAction) => {
    try {
      await markActionDone(detail.case.id, action.id);
      await onChanged();
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <section className="card">
      <h2>{t('actions.title')}</h2>
      <RecordList items={detail.actions} testId="actions" itemClass={(a) => (a.status === 'done' ? 'done' : undefined)} empty={<p className="muted">{t('actions.empty')}</p>}>
        {(a) => (
          <>
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
              {a.aspect ? tx('aspect', a.aspect) : t('common.none')} · {a.ownerName ?? t('cases.unassigned')} · {t('actions.due', { at: formatDate(a.dueAt, false) })}
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
          </>
        )}
      </RecordList>
      {canWork && <ActionForm caseId={detail.case.id} users={users} onChanged={onChanged} />}
    </section>
  );
}

function ActionForm({ caseId, users, onChanged }: { caseId: string; users: User[] | null; onChanged(): Promise<void> }) {
  const { t, tx } = useI18n();
  const { me, notify } = useApp();
  const [kind, setKind] = useState<ActionKind>('corrective');
  const [description, setDescription] = useState('');
  const [aspect, setAspect] = useState<AspectId>(aspectIds[0]);
  const [ownerId, setOwnerId] = useState(me.id);
  const [dueAt, setDueAt] = useState('');
  const { busy, submit } = useSubmit();

  const add = async () => {
    await caseCommand(caseId, 'actions', { kind, description: description.trim(), aspect, ownerId, dueAt: new Date(`${dueAt}T23:59:00`).toISOString() });
    notify(t('common.saved'));
    setDescription('');
    setDueAt('');
    await onChanged();
  };

  return (
    <InlineForm onSubmit={submit(add)} testId="action-form">
      <div className="form-grid">
        <Field label={t('actions.kind')}>
          <EnumSelect name="actionKind" values={actionKinds} labelOf={(k) => t(`actions.${k}`)} value={kind} onChange={setKind} />
        </Field>
        <Field label={t('actions.aspect')}>
          <EnumSelect name="actionAspect" values={aspectIds} labelOf={(x) => tx('aspect', x)} value={aspect} onChange={setAspect} />
        </Field>
        <Field label={t('actions.owner')}>
          {users ? (
            <Select name="actionOwner" value={ownerId} onChange={setOwnerId} options={optionsOf(users, (u) => u.name || u.email)} />
          ) : (
            <input name="actionOwner" value={me.name || me.email} readOnly title={t('actions.ownerSelf')} />
          )}
        </Field>
        <Field label={t('actions.dueAt')}>
          <DateField name="actionDue" required value={dueAt} onChange={setDueAt} />
        </Field>
        <Field label={t('actions.description')} width="wide">
          <input name="actionDescription" required value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
      </div>
      <FormActions submitLabel={t('actions.add')} busy={busy} />
    </InlineForm>
  );
}
