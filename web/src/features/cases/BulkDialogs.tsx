import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { Field } from '../../ui/Field.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { Select, optionsOf } from '../../ui/Select.tsx';
import { bulkCases, caseCommand, listTeams } from './api.ts';
import { assignable } from './people.ts';
import { caseLabel } from './components.tsx';
import type { Case } from './types.ts';

/** Close the selected cases but one as duplicates of the one kept. */
export function DuplicateDialog({ cases, onClose, onDone }: { cases: Case[]; onClose(): void; onDone(n: number): Promise<void> }) {
  const { t } = useI18n();
  const [kept, setKept] = useState(cases[0]!.id);
  const { busy, error, submit } = useSubmit('refused');
  const close = async () => {
    const res = await bulkCases({ action: 'close_duplicate', ids: cases.filter((c) => c.id !== kept).map((c) => c.id), duplicateOf: kept });
    onClose();
    await onDone(res.items.length);
  };
  return (
    <FormDialog title={t('cases.bulkDuplicateTitle')} onClose={onClose} onSubmit={submit(close)} submitLabel={t('cases.bulkDuplicate')} busy={busy} error={error}>
      <Field label={t('cases.bulkDuplicateKeep')}>
        <Select name="duplicateOf" value={kept} onChange={setKept} options={cases.map((c) => ({ value: c.id, label: `${caseLabel(c)} ${c.title}` }))} />
      </Field>
      <p className="muted small">{t('cases.bulkDuplicateHint')}</p>
    </FormDialog>
  );
}

/** Reassign a case: another person, another team's queue, and why. */
export function ReassignDialog({ value: c, onClose, onDone }: { value: Case; onClose(): void; onDone(): Promise<void> }) {
  const { t } = useI18n();
  const { me, notify } = useApp();
  const teams = useResource(listTeams, [], { fallback: [] }).data;
  const [teamId, setTeamId] = useState(c.teamId ?? '');
  const [assigneeId, setAssigneeId] = useState(c.assigneeId ?? '');
  const [reason, setReason] = useState('');
  const { busy, error, submit } = useSubmit('refused');
  const team = teams?.find((x) => x.id === teamId);
  // A team picked: its members first (anyone may still be chosen).
  const people = team ? team.members.map((m) => ({ id: m.userId, name: m.name })) : assignable(teams, { id: me.id, name: me.name });
  const save = async () => {
    await caseCommand(c.id, 'assign', {
      ...(teamId && teamId !== c.teamId ? { teamId } : {}),
      assigneeId: assigneeId || null,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
    notify(t('reassign.done'));
    onClose();
    await onDone();
  };
  return (
    <FormDialog title={t('reassign.title')} onClose={onClose} onSubmit={submit(save)} submitLabel={t('common.save')} busy={busy} error={error}>
      <Field label={t('reassign.team')}>
        <Select name="teamId" value={teamId} onChange={setTeamId} emptyLabel={c.team} options={optionsOf(teams, (x) => x.name)} />
      </Field>
      <Field label={t('reassign.assignee')}>
        <Select name="assigneeId" value={assigneeId} onChange={setAssigneeId} emptyLabel={t('cases.unassigned')} options={optionsOf(people, (p) => p.name)} />
      </Field>
      <Field label={t('reassign.reason')} hint={t('reassign.reasonHint')} optional>
        <textarea name="reason" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
    </FormDialog>
  );
}
