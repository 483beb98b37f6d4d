import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp, type Department, type Location, type StaffMember } from '../../lib/app-context.tsx';
import { CrudCard } from '../../ui/CrudCard.tsx';
import type { Column } from '../../ui/RecordTable.tsx';
import { deleteRecord } from './api.ts';
import { EntityForm, type EntityConfig, type Values } from './EntityForm.tsx';
import { optionsOf } from '../../ui/Select.tsx';

const str = (v: Values[string] | undefined) => (typeof v === 'string' ? v.trim() : '');
const orNull = (v: Values[string] | undefined) => str(v) || null;

/** One kind of organisation record: a table of them and their form; saving reloads the organisation. */
function OrgRecords<T extends { id: string }>({ items, config, columns }: { items: T[] | null; config: EntityConfig<T>; columns: Column<T>[] }) {
  const { t } = useI18n();
  const { reloadOrg } = useApp();
  return (
    <CrudCard
      items={items}
      columns={columns}
      newLabel={t('settings.newItem')}
      emptyTitle={t('settings.empty')}
      label={config.label}
      remove={(item) => deleteRecord(config.endpoint, item.id)}
      reload={reloadOrg}
      form={(item, done) => <EntityForm config={config} item={item} onDone={done} />}
    />
  );
}

/** Locations, departments or the staff roster. */
export function OrgTab({ tab }: { tab: 'locations' | 'departments' | 'staff' }) {
  const { t } = useI18n();
  const { org } = useApp();
  const locations = org?.locations ?? [];
  const departments = org?.departments ?? [];
  const none = t('common.none');
  const nameOf = (list: { id: string; name: string }[], id: string | null) => list.find((x) => x.id === id)?.name ?? none;
  const code = { header: t('common.code'), render: (x: { code: string }): ReactNode => <code>{x.code}</code> };
  const name = { header: t('common.name'), render: (x: { name: string }): ReactNode => <span className="strong">{x.name}</span> };

  if (tab === 'locations') {
    return (
      <OrgRecords<Location>
        items={org ? locations : null}
        config={{
          endpoint: '/api/org/locations',
          label: (l) => l.name,
          fields: [
            { name: 'code', label: 'common.code', kind: 'text', required: true },
            { name: 'name', label: 'common.name', kind: 'text', required: true },
            { name: 'address', label: 'location.address', kind: 'text' },
            { name: 'timezone', label: 'location.timezone', kind: 'text' },
          ],
          empty: () => ({ code: '', name: '', address: '', timezone: org?.org.timezone ?? '' }),
          toValues: (l) => ({ code: l.code, name: l.name, address: l.address ?? '', timezone: l.timezone ?? '' }),
          toBody: (v) => ({ code: str(v.code), name: str(v.name), address: orNull(v.address), timezone: orNull(v.timezone) }),
        }}
        columns={[code, name, { header: t('location.address'), render: (l) => l.address ?? none }, { header: t('location.timezone'), render: (l) => l.timezone ?? none }]}
      />
    );
  }
  if (tab === 'departments') {
    return (
      <OrgRecords<Department>
        items={org ? departments : null}
        config={{
          endpoint: '/api/org/departments',
          label: (d) => d.name,
          fields: [
            { name: 'code', label: 'common.code', kind: 'text', required: true },
            { name: 'name', label: 'common.name', kind: 'text', required: true },
            { name: 'locationId', label: 'department.location', kind: 'select', allowEmpty: true, options: optionsOf(locations, (l) => l.name) },
          ],
          empty: () => ({ code: '', name: '', locationId: '' }),
          toValues: (d) => ({ code: d.code, name: d.name, locationId: d.locationId ?? '' }),
          toBody: (v) => ({ code: str(v.code), name: str(v.name), locationId: orNull(v.locationId) }),
        }}
        columns={[code, name, { header: t('department.location'), render: (d) => nameOf(locations, d.locationId) }]}
      />
    );
  }
  return (
    <OrgRecords<StaffMember>
      items={org ? org.staff : null}
      config={{
        endpoint: '/api/org/staff',
        label: (s) => s.name,
        fields: [
          { name: 'name', label: 'common.name', kind: 'text', required: true },
          { name: 'title', label: 'staff.title', kind: 'text' },
          { name: 'departmentId', label: 'staff.department', kind: 'select', allowEmpty: true, options: optionsOf(departments, (d) => d.name) },
          { name: 'aliases', label: 'staff.aliases', kind: 'tags', hint: 'staff.aliasesHint' },
        ],
        empty: () => ({ name: '', title: '', departmentId: '', aliases: [] }),
        toValues: (s) => ({ name: s.name, title: s.title ?? '', departmentId: s.departmentId ?? '', aliases: s.aliases }),
        toBody: (v) => ({ name: str(v.name), title: orNull(v.title), departmentId: orNull(v.departmentId), aliases: Array.isArray(v.aliases) ? v.aliases : [] }),
      }}
      columns={[
        name,
        { header: t('staff.title'), render: (s) => s.title ?? none },
        { header: t('staff.department'), render: (s) => nameOf(departments, s.departmentId) },
        {
          header: t('staff.aliases'),
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
    />
  );
}
