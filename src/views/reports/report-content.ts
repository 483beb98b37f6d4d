import { analysisMessages } from '../../analysis/analysis.messages.ts';
import { tierName } from '../../cases/cases.messages.ts';
import { hasMessage, type Locale } from '../../core/i18n.ts';
import type { Heatmap, Overview, PainPoints } from '../dashboards/index.ts';
import type { ReportPeriod } from './report-period.ts';
import { reportsMessages } from './reports.messages.ts';
import type { ReportCadence } from './reports.vocab.ts';

/** Everything one report shows, loaded once and rendered as PDF and e-mail (both from this, so they agree). */
export interface ReportContent {
  orgName: string;
  /** The location's name; null: the whole organisation. */
  locationName: string | null;
  cadence: ReportCadence;
  locale: Locale;
  timezone: string;
  period: ReportPeriod;
  previous: ReportPeriod;
  overview: Overview;
  previousOverview: Overview;
  heatmap: Heatmap;
  painPoints: PainPoints;
  madeAt: Date;
}

/** The words and number formats of one report's locale. */
export function formatter(locale: Locale) {
  const t = (key: Parameters<typeof reportsMessages.render>[1], params?: Parameters<typeof reportsMessages.render>[2]) => reportsMessages.render(locale, key, params);
  const dayFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const shortDay = new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric', timeZone: 'UTC' });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const signed = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  return {
    t,
    day: (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`)),
    shortDay: (day: string) => shortDay.format(new Date(`${day}T00:00:00Z`)),
    dateTime: (at: Date, timezone: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: timezone }).format(at),
    int: (n: number) => integer.format(n),
    dec: (n: number) => decimal.format(n),
    pct: (share: number) => percent.format(share),
    signed: (n: number) => signed.format(n),
    period: (p: ReportPeriod) => t('period', { from: dayFormat.format(new Date(`${p.start}T00:00:00Z`)), to: dayFormat.format(new Date(`${p.end}T00:00:00Z`)) }),
    aspect: (key: string) => (hasMessage(`analysis.aspect.${key}`) ? analysisMessages.render(locale, `aspect.${key}` as Parameters<typeof analysisMessages.render>[1]) : key),
    tier: (tier: Parameters<typeof tierName>[1]) => tierName(locale, tier),
  };
}
export type Formatter = ReturnType<typeof formatter>;

/** The report's title line: "Weekly report" and the organisation or location. */
export function reportTitle(content: ReportContent): { title: string; scope: string; period: string } {
  const f = formatter(content.locale);
  const scope = content.locationName ? `${content.orgName} · ${content.locationName}` : `${content.orgName} · ${f.t('wholeOrganisation')}`;
  return { title: f.t(`title.${content.cadence}`), scope, period: f.period(content.period) };
}

export interface Figure {
  label: string;
  /** The formatted value, or "no data yet". */
  value: string;
  hasData: boolean;
  /** An interval or a count behind the value. */
  detail: string | null;
  previous: string;
  change: string;
}

const NONE = '—';

/** The key figures of the period beside the previous period's (a capability without data says "no data yet"). */
export function keyFigures(content: ReportContent): Figure[] {
  const f = formatter(content.locale);
  const noData = f.t('noData');
  const now = content.overview;
  const before = content.previousOverview;
  const interval = (i: { low: number; high: number } | null | undefined, fmt: (n: number) => string) => (i ? f.t('interval', { low: fmt(i.low), high: fmt(i.high) }) : null);
  const diff = (a: number | null | undefined, b: number | null | undefined, fmt: (n: number) => string) => (a == null || b == null ? NONE : fmt(a - b));
  const points = (n: number) => f.t('points', { value: f.signed(n * 100) });
  const figure = (
    label: string,
    current: number | null | undefined,
    previous: number | null | undefined,
    fmt: (n: number) => string,
    change: (n: number) => string,
    detail: string | null = null,
  ): Figure => ({
    label,
    value: current == null ? noData : fmt(current),
    hasData: current != null,
    detail: current == null ? null : detail,
    previous: previous == null ? NONE : fmt(previous),
    change: diff(current, previous, change),
  });
  const openedNow = now.cases ? now.cases.byTier.reduce((s, t) => s + t.opened, 0) : null;
  const openedBefore = before.cases ? before.cases.byTier.reduce((s, t) => s + t.opened, 0) : null;
  return [
    figure(f.t('figure.mentions'), now.mentions?.total, before.mentions?.total, f.int, f.signed),
    figure(f.t('figure.negativeShare'), now.mentions?.negativeShare, before.mentions?.negativeShare, f.pct, points, interval(now.mentions?.negativeInterval, f.pct)),
    figure(f.t('figure.rating'), now.mentions?.ratingAvg, before.mentions?.ratingAvg, f.dec, f.signed),
    figure(f.t('figure.nps'), now.nps?.nps, before.nps?.nps, f.int, f.signed, interval(now.nps?.interval, f.int)),
    figure(f.t('figure.sla'), now.sla?.share, before.sla?.share, f.pct, points, now.sla ? f.t('slaLine', { met: now.sla.met, due: now.sla.due }) : null),
    figure(f.t('series.opened'), openedNow, openedBefore, f.int, f.signed),
    figure(f.t('figure.openCases'), now.cases?.open, null, f.int, f.signed),
    figure(f.t('figure.risky'), now.mentions?.risky, before.mentions?.risky, f.int, f.signed),
  ];
}

/** The heat map's shown part: the top aspects (most negative first) × the rows with most mentions. */
export function heatmapSlice(heatmap: Heatmap, maxAspects = 8, maxRows = 10) {
  const aspects = heatmap.aspects.slice(0, maxAspects);
  const rows = [...heatmap.rows].sort((a, b) => b.total - a.total).slice(0, maxRows);
  const cells = heatmap.cells.filter((c) => aspects.includes(c.aspect) && rows.some((r) => r.id === c.rowId));
  return { aspects, rows, cells };
}

/** The pain points shown: the top aspects, each with at most three quotes. */
export function topPainPoints(painPoints: PainPoints, max = 5) {
  return painPoints.aspects.slice(0, max).map((a) => ({ ...a, quotes: a.quotes.slice(0, 3) }));
}
