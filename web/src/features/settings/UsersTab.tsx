import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { roles } from '../../lib/vocab.ts';
import { CrudCard } from '../../ui/CrudCard.tsx';
import { listUsers } from './api.ts';
import { EntityForm, type EntityConfig } from './EntityForm.tsx';
import type { User } from './types.ts';
import { optionsOf } from '../../ui/Select.tsx';

export function UsersTab() {
  const { t, formatDate } = useI18n();
  const { org } = useApp();
  const users = useResource(listUsers, [], { fallback: [] });
  const departments = org?.departments ?? [];

  const config: EntityConfig<User> = {
    endpoint: '/api/users',
    label: (u) => u.email,
    fields: [
      { name: 'email', label: 'users.email', kind: 'email', required: true, visible: (_v, editing) => !editing },
      { name: 'name', label: 'users.name', kind: 'text', required: true },
      { name: 'role', label: 'users.role', kind: 'select', required: true, options: roles.map((r) => ({ value: r, label: t(`role.${r}`) })) },
      {
        name: 'departmentIds',
        label: 'users.departments',
        kind: 'checks',
        hint: 'users.departmentsHint',
        options: optionsOf(departments, (d) => d.name),
        visible: (v) => v.role === 'department_head',
      },
      { name: 'staffId', label: 'users.staffId', kind: 'select', allowEmpty: true, hint: 'users.staffIdHint', options: optionsOf(org?.staff ?? [], (s) => s.name) },
      { name: 'password', label: 'users.password', kind: 'password', requiredOnCreate: true, editHint: 'users.passwordEditHint' },
      { name: 'disabled', label: 'users.disabled', kind: 'checkbox', visible: (_v, editing) => editing },
    ],
    empty: () => ({ email: '', name: '', role: 'viewer', departmentIds: [], staffId: '', password: '', disabled: false }),
    toValues: (u) => ({ email: u.email, name: u.name, role: u.role, departmentIds: u.departmentIds, staffId: u.staffId ?? '', password: '', disabled: u.disabled }),
    toBody: (v, editing) => {
      const body: Record<string, unknown> = {
        name: String(v.name).trim(),
        role: v.role,
        departmentIds: v.role === 'department_head' && Array.isArray(v.departmentIds) ? v.departmentIds : [],
        staffId: v.staffId ? String(v.staffId) : null,
      };
      if (!editing) body.email = String(v.email).trim();
      if (v.password) body.password = v.password;
      if (editing) body.disabled = Boolean(v.disabled);
      return body;
    },
  };

  return (
    <CrudCard
      items={users.data}
      newLabel={t('settings.newItem')}
      emptyTitle={t('settings.empty')}
      label={config.label}
      reload={users.reload}
      form={(item, done) => <EntityForm config={config} item={item} onDone={done} />}
      columns={[
        {
          header: t('users.name'),
          render: (u) => (
            <>
              <div className="strong">{u.name}</div>
              <div className="muted small">{u.email}</div>
            </>
          ),
        },
        { header: t('users.role'), render: (u) => t(`role.${u.role}`) },
        {
          header: t('users.departments'),
          render: (u) => (u.departmentIds.length === 0 ? t('common.none') : u.departmentIds.map((id) => departments.find((d) => d.id === id)?.name ?? id).join(', ')),
        },
        {
          header: t('mention.status'),
          render: (u) => <span className={`badge ${u.disabled ? 'badge-negative' : 'badge-positive'}`}>{u.disabled ? t('users.disabled') : t('users.active')}</span>,
        },
        { header: t('users.lastLogin'), render: (u) => formatDate(u.lastLoginAt) },
      ]}
    />
  );
}
