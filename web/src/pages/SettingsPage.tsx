import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../api.ts';
import { useApp } from '../app-context.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { EmptyState, Spinner } from '../components/ui.tsx';
import { TagInput } from '../components/TagInput.tsx';
import { ReplySettingsTab, SlaSettingsTab } from './CaseSettingsTab.tsx';
import { roles, type Department, type Location, type StaffMember, type User } from '../types.ts';

type Tab = 'locations' | 'departments' | 'staff' | 'users' | 'cases' | 'replies';
type Values = Record<string, string | string[] | boolean>;

interface FieldDef {
  name: string;
  label: MessageKey;
  kind: 'text' | 'email' | 'password' | 'select' | 'tags' | 'checks' | 'checkbox';
  required?: boolean;
  /** Required only when creating (a password), optional when editing. */
  requiredOnCreate?: boolean;
  hint?: MessageKey;
  editHint?: MessageKey;
  options?: { value: string; label: string }[];
  allowEmpty?: boolean;
  visible?(values: Values, editing: boolean): boolean;
}

interface Column<T> {
  label: MessageKey;
  render(item: T): ReactNode;
}

interface CrudConfig<T extends { id: string }> {
  items: T[] | null;
  endpoint: string;
  /** The key the server wraps a saved record in ({location}, {staff}, {user}). */
  responseKey: string;
  fields: FieldDef[];
  columns: Column<T>[];
  empty(): Values;
  toValues(item: T): Values;
  toBody(values: Values, editing: boolean): Record<string, unknown>;
  canDelete: boolean;
  label(item: T): string;
  reload(): Promise<void>;
}

export function SettingsPage() {
  const { t } = useI18n();
  const { can } = useApp();
  const tabs: Tab[] = [
    ...(can('org.manage') ? (['locations', 'departments', 'staff'] as const) : []),
    ...(can('users.manage') ? (['users'] as const) : []),
    ...(can('cases.manage') ? (['cases', 'replies'] as const) : []),
  ];
  const [tab, setTab] = useState<Tab>(tabs[0] ?? 'locations');

  return (
    <div className="page">
      <div className="tabs" role="tablist">
        {tabs.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={`tab${tab === id ? ' active' : ''}`}
            onClick={() => setTab(id)}
          >
            {t(`settings.${id}`)}
          </button>
        ))}
      </div>
      {tab === 'users' ? (
        <UsersTab />
      ) : tab === 'cases' ? (
        <SlaSettingsTab />
      ) : tab === 'replies' ? (
        <ReplySettingsTab />
      ) : (
        <OrgTab tab={tab} />
      )}
    </div>
  );
}

function OrgTab({ tab }: { tab: 'locations' | 'departments' | 'staff' }) {
  const { t } = useI18n();
  const { org, reloadOrg } = useApp();
  const locations = org?.locations ?? [];
  const departments = org?.departments ?? [];
  const locationName = (id: string | null) => locations.find((l) => l.id === id)?.name ?? t('common.none');
  const departmentName = (id: string | null) => departments.find((d) => d.id === id)?.name ?? t('common.none');
  const str = (v: Values[string] | undefined) => (typeof v === 'string' ? v.trim() : '');
  const orNull = (v: Values[string] | undefined) => str(v) || null;

  if (tab === 'locations') {
    return (
      <CrudTable<Location>
        items={org ? locations : null}
        endpoint="/api/org/locations"
        responseKey="location"
        canDelete
        reload={reloadOrg}
        label={(l) => l.name}
        fields={[
          { name: 'code', label: 'common.code', kind: 'text', required: true },
          { name: 'name', label: 'common.name', kind: 'text', required: true },
          { name: 'address', label: 'location.address', kind: 'text' },
          { name: 'timezone', label: 'location.timezone', kind: 'text' },
        ]}
        columns={[
          { label: 'common.code', render: (l) => <code>{l.code}</code> },
          { label: 'common.name', render: (l) => <span className="strong">{l.name}</span> },
          { label: 'location.address', render: (l) => l.address ?? t('common.none') },
          { label: 'location.timezone', render: (l) => l.timezone ?? t('common.none') },
        ]}
        empty={() => ({ code: '', name: '', address: '', timezone: org?.org.timezone ?? '' })}
        toValues={(l) => ({ code: l.code, name: l.name, address: l.address ?? '', timezone: l.timezone ?? '' })}
        toBody={(v) => ({ code: str(v.code), name: str(v.name), address: orNull(v.address), timezone: orNull(v.timezone) })}
      />
    );
  }
  if (tab === 'departments') {
    return (
      <CrudTable<Department>
        items={org ? departments : null}
        endpoint="/api/org/departments"
        responseKey="department"
        canDelete
        reload={reloadOrg}
        label={(d) => d.name}
        fields={[
          { name: 'code', label: 'common.code', kind: 'text', required: true },
          { name: 'name', label: 'common.name', kind: 'text', required: true },
          {
            name: 'locationId',
            label: 'department.location',
            kind: 'select',
            allowEmpty: true,
            options: locations.map((l) => ({ value: l.id, label: l.name })),
          },
        ]}
        columns={[
          { label: 'common.code', render: (d) => <code>{d.code}</code> },
          { label: 'common.name', render: (d) => <span className="strong">{d.name}</span> },
          { label: 'department.location', render: (d) => locationName(d.locationId) },
        ]}
        empty={() => ({ code: '', name: '', locationId: '' })}
        toValues={(d) => ({ code: d.code, name: d.name, locationId: d.locationId ?? '' })}
        toBody={(v) => ({ code: str(v.code), name: str(v.name), locationId: orNull(v.locationId) })}
      />
    );
  }
  return (
    <CrudTable<StaffMember>
      items={org ? org.staff : null}
      endpoint="/api/org/staff"
      responseKey="staff"
      canDelete
      reload={reloadOrg}
      label={(s) => s.name}
      fields={[
        { name: 'name', label: 'common.name', kind: 'text', required: true },
        { name: 'title', label: 'staff.title', kind: 'text' },
        {
          name: 'departmentId',
          label: 'staff.department',
          kind: 'select',
          allowEmpty: true,
          options: departments.map((d) => ({ value: d.id, label: d.name })),
        },
        { name: 'aliases', label: 'staff.aliases', kind: 'tags', hint: 'staff.aliasesHint' },
      ]}
      columns={[
        { label: 'common.name', render: (s) => <span className="strong">{s.name}</span> },
        { label: 'staff.title', render: (s) => s.title ?? t('common.none') },
        { label: 'staff.department', render: (s) => departmentName(s.departmentId) },
        {
          label: 'staff.aliases',
          render: (s) => (
            <span className="chip-row">
              {s.aliases.map((a) => (
                <span key={a} className="chip">
                  {a}
                </span>
              ))}
            </span>
          ),
        },
      ]}
      empty={() => ({ name: '', title: '', departmentId: '', aliases: [] })}
      toValues={(s) => ({ name: s.name, title: s.title ?? '', departmentId: s.departmentId ?? '', aliases: s.aliases })}
      toBody={(v) => ({
        name: str(v.name),
        title: orNull(v.title),
        departmentId: orNull(v.departmentId),
        aliases: Array.isArray(v.aliases) ? v.aliases : [],
      })}
    />
  );
}

function UsersTab() {
  const { t, formatDate } = useI18n();
  const { org, reportError } = useApp();
  const [users, setUsers] = useState<User[] | null>(null);
  const load = useCallback(async () => {
    try {
      setUsers((await api<{ items: User[] }>('/api/users')).items);
    } catch (error) {
      reportError(error);
      setUsers([]);
    }
  }, [reportError]);
  useEffect(() => {
    void load();
  }, [load]);
  const departments = org?.departments ?? [];

  return (
    <CrudTable<User>
      items={users}
      endpoint="/api/users"
      responseKey="user"
      canDelete={false}
      reload={load}
      label={(u) => u.email}
      fields={[
        { name: 'email', label: 'users.email', kind: 'email', required: true, visible: (_v, editing) => !editing },
        { name: 'name', label: 'users.name', kind: 'text', required: true },
        {
          name: 'role',
          label: 'users.role',
          kind: 'select',
          required: true,
          options: roles.map((r) => ({ value: r, label: t(`role.${r}`) })),
        },
        {
          name: 'departmentIds',
          label: 'users.departments',
          kind: 'checks',
          hint: 'users.departmentsHint',
          options: departments.map((d) => ({ value: d.id, label: d.name })),
          visible: (v) => v.role === 'department_head',
        },
        {
          name: 'password',
          label: 'users.password',
          kind: 'password',
          requiredOnCreate: true,
          editHint: 'users.passwordEditHint',
        },
        { name: 'disabled', label: 'users.disabled', kind: 'checkbox', visible: (_v, editing) => editing },
      ]}
      columns={[
        {
          label: 'users.name',
          render: (u) => (
            <>
              <div className="strong">{u.name}</div>
              <div className="muted small">{u.email}</div>
            </>
          ),
        },
        { label: 'users.role', render: (u) => t(`role.${u.role}`) },
        {
          label: 'users.departments',
          render: (u) =>
            u.departmentIds.length === 0
              ? t('common.none')
              : u.departmentIds.map((id) => departments.find((d) => d.id === id)?.name ?? id).join(', '),
        },
        {
          label: 'mention.status',
          render: (u) => (
            <span className={`badge ${u.disabled ? 'badge-negative' : 'badge-positive'}`}>
              {u.disabled ? t('users.disabled') : t('users.active')}
            </span>
          ),
        },
        { label: 'users.lastLogin', render: (u) => formatDate(u.lastLoginAt) },
      ]}
      empty={() => ({ email: '', name: '', role: 'viewer', departmentIds: [], password: '', disabled: false })}
      toValues={(u) => ({
        email: u.email,
        name: u.name,
        role: u.role,
        departmentIds: u.departmentIds,
        password: '',
        disabled: u.disabled,
      })}
      toBody={(v, editing) => {
        const body: Record<string, unknown> = {
          name: String(v.name).trim(),
          role: v.role,
          departmentIds: v.role === 'department_head' && Array.isArray(v.departmentIds) ? v.departmentIds : [],
        };
        if (!editing) body.email = String(v.email).trim();
        if (v.password) body.password = v.password;
        if (editing) body.disabled = Boolean(v.disabled);
        return body;
      }}
    />
  );
}

function CrudTable<T extends { id: string }>(config: CrudConfig<T>) {
  const { t } = useI18n();
  const { reportError, notify } = useApp();
  const [editing, setEditing] = useState<T | 'new' | null>(null);

  const remove = async (item: T) => {
    if (!window.confirm(t('common.confirmDelete', { name: config.label(item) }))) return;
    try {
      await api(`${config.endpoint}/${encodeURIComponent(item.id)}`, { method: 'DELETE' });
      notify(t('common.saved'));
      if (editing !== 'new' && editing?.id === item.id) setEditing(null);
      await config.reload();
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <section className="card">
      {editing === null && (
        <div className="card-head card-head-end">
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
            + {t('settings.newItem')}
          </button>
        </div>
      )}
      {editing !== null && (
        <EntityForm
          key={editing === 'new' ? 'new' : editing.id}
          config={config}
          item={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
      {config.items === null ? (
        <Spinner />
      ) : config.items.length === 0 ? (
        <EmptyState title={t('settings.empty')} />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                {config.columns.map((c) => (
                  <th key={c.label}>{t(c.label)}</th>
                ))}
                <th className="actions-col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {config.items.map((item) => (
                <tr key={item.id}>
                  {config.columns.map((c) => (
                    <td key={c.label}>{c.render(item)}</td>
                  ))}
                  <td className="actions-col nowrap">
                    <button type="button" className="btn btn-small" onClick={() => setEditing(item)}>
                      {t('common.edit')}
                    </button>
                    {config.canDelete && (
                      <button type="button" className="btn btn-small btn-danger" onClick={() => void remove(item)}>
                        {t('common.delete')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function EntityForm<T extends { id: string }>({
  config,
  item,
  onDone,
}: {
  config: CrudConfig<T>;
  item: T | null;
  onDone(): void;
}) {
  const { t } = useI18n();
  const { reportError, notify } = useApp();
  const [values, setValues] = useState<Values>(() => (item ? config.toValues(item) : config.empty()));
  const [busy, setBusy] = useState(false);
  const editing = item !== null;
  const set = (name: string, value: Values[string]) => setValues((v) => ({ ...v, [name]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const body = config.toBody(values, editing);
      if (item) await api(`${config.endpoint}/${encodeURIComponent(item.id)}`, { method: 'PATCH', body });
      else await api(config.endpoint, { method: 'POST', body });
      notify(t('common.saved'));
      await config.reload();
      onDone();
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form inline-form" onSubmit={(e) => void submit(e)}>
      <h3>{editing ? `${t('settings.editItem')}: ${config.label(item)}` : t('settings.newItem')}</h3>
      <div className="form-grid">
        {config.fields
          .filter((f) => !f.visible || f.visible(values, editing))
          .map((f) => {
            const value = values[f.name];
            const required = f.required || (f.requiredOnCreate && !editing);
            const hint = editing && f.editHint ? f.editHint : f.hint;
            let control: ReactNode;
            switch (f.kind) {
              case 'select':
                control = (
                  <select name={f.name} required={required} value={String(value ?? '')} onChange={(e) => set(f.name, e.target.value)}>
                    {f.allowEmpty && <option value="">{t('common.none')}</option>}
                    {(f.options ?? []).map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                );
                break;
              case 'tags':
                control = <TagInput name={f.name} value={Array.isArray(value) ? value : []} onChange={(next) => set(f.name, next)} />;
                break;
              case 'checks': {
                const selected = Array.isArray(value) ? value : [];
                control = (
                  <div className="check-list">
                    {(f.options ?? []).map((o) => (
                      <label key={o.value} className="check">
                        <input
                          type="checkbox"
                          checked={selected.includes(o.value)}
                          onChange={(e) =>
                            set(f.name, e.target.checked ? [...selected, o.value] : selected.filter((s) => s !== o.value))
                          }
                        />
                        {o.label}
                      </label>
                    ))}
                  </div>
                );
                break;
              }
              case 'checkbox':
                control = (
                  <label className="check">
                    <input type="checkbox" name={f.name} checked={Boolean(value)} onChange={(e) => set(f.name, e.target.checked)} />
                    {t(f.label)}
                  </label>
                );
                break;
              default:
                control = (
                  <input
                    name={f.name}
                    type={f.kind}
                    required={required}
                    autoComplete={f.kind === 'password' ? 'new-password' : 'off'}
                    minLength={f.kind === 'password' && (value as string) ? 8 : undefined}
                    value={String(value ?? '')}
                    onChange={(e) => set(f.name, e.target.value)}
                  />
                );
            }
            return (
              <div key={f.name} className={`field${f.kind === 'tags' || f.kind === 'checks' ? ' field-wide' : ''}`}>
                <span className="field-label">{f.kind === 'checkbox' ? '\u00a0' : t(f.label)}</span>
                {control}
                {hint && <small className="muted">{t(hint)}</small>}
              </div>
            );
          })}
      </div>
      <div className="form-actions">
        <button type="button" className="btn" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {editing ? t('common.save') : t('common.create')}
        </button>
      </div>
    </form>
  );
}
