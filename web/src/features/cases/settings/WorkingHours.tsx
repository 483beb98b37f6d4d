import { useI18n } from '../../../i18n/index.tsx';
import type { Location } from '../../../lib/app-context.tsx';
import { weekdays, type Weekday } from '../../../lib/vocab.ts';
import { Check, Field } from '../../../ui/Field.tsx';
import { TagInput } from '../../../ui/TagInput.tsx';
import { TimeField } from '../../../ui/TimeField.tsx';
import type { CaseSettings } from '../types.ts';

export type LocationHours = CaseSettings['locations'][number];
type Hours = { start: string; end: string };

const workday: Hours = { start: '09:00', end: '18:00' };

export function defaultHours(locationId: string): LocationHours {
  return {
    locationId,
    weeklyHours: { mon: workday, tue: workday, wed: workday, thu: workday, fri: workday, sat: null, sun: null },
    holidays: [],
  };
}

/** A location's own working week and holidays (or none: the organisation's clock applies). */
export function WorkingHours({
  location,
  hours,
  timezone,
  onChange,
}: {
  location: Location;
  hours: LocationHours | undefined;
  timezone: string | undefined;
  onChange(next: LocationHours | null): void;
}) {
  const { t } = useI18n();
  const setDay = (day: Weekday, value: Hours | null) => {
    const current = hours ?? defaultHours(location.id);
    onChange({ ...current, weeklyHours: { ...current.weeklyHours, [day]: value } });
  };
  return (
    <div className="hours-block">
      <div className="record-head">
        <span className="strong">{location.name}</span>
        <span className="muted small">{location.timezone ?? timezone}</span>
        <span className="spacer" />
        <Check label={t('caseSettings.ownHours')} checked={hours !== undefined} onChange={(own) => onChange(own ? defaultHours(location.id) : null)} />
      </div>
      {hours && (
        <>
          <div className="week-grid">
            {weekdays.map((day) => {
              const value = hours.weeklyHours[day];
              const dayName = t(`weekday.${day}`);
              return (
                <div key={day} className="week-day">
                  <Check label={dayName} checked={value !== null} onChange={(open) => setDay(day, open ? workday : null)} />
                  {value ? (
                    <div className="time-pair">
                      <TimeField aria-label={`${dayName} ${t('rules.quietStart')}`} value={value.start} onChange={(start) => setDay(day, { ...value, start })} />
                      <TimeField aria-label={`${dayName} ${t('rules.quietEnd')}`} value={value.end} onChange={(end) => setDay(day, { ...value, end })} />
                    </div>
                  ) : (
                    <span className="muted small">{t('caseSettings.closed')}</span>
                  )}
                </div>
              );
            })}
          </div>
          <Field group label={t('caseSettings.holidays')} hint={t('caseSettings.holidaysHint')}>
            <TagInput value={hours.holidays} onChange={(holidays) => onChange({ ...hours, holidays })} />
          </Field>
        </>
      )}
    </div>
  );
}
