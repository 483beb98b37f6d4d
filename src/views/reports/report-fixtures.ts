import type { Heatmap, Overview, PainPoints } from '../dashboards/index.ts';
import type { ReportContent } from './report-content.ts';
import type { ReportCadence } from './reports.vocab.ts';
import type { Locale } from '../../core/i18n.ts';

/* Typed figures for rendering tests: a week with data in every tile, and one with none. */

const period = (from: string, to: string) => ({ from, to, timezone: 'Asia/Shanghai', bucket: 'day' as const });
const days = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];

export function fixtureOverview(scale = 1): Overview {
  const trend = days.map((start, i) => ({
    start,
    total: Math.round((20 + i * 3) * scale),
    positive: Math.round((12 + i) * scale),
    neutral: Math.round(4 * scale),
    negative: Math.round((4 + 2 * i) * scale),
    ratingAvg: 4.1,
    ratingCount: 10,
  }));
  const total = trend.reduce((s, p) => s + p.total, 0);
  const negative = trend.reduce((s, p) => s + p.negative, 0);
  return {
    period: period(days[0]!, days[6]!),
    mentions: { total, negative, negativeShare: negative / total, negativeInterval: { low: 0.2, high: 0.31 }, ratingAvg: 4.12, ratingCount: 70, risky: 3, bySource: [], trend },
    nps: { n: 120, nps: 41, interval: { low: 29, high: 52 }, trend: days.map((start, i) => ({ start, n: 17, nps: 35 + i, interval: { low: 15 + i, high: 55 + i } })) },
    sla: { due: 40, met: 34, share: 0.85, interval: { low: 0.71, high: 0.93 }, overdueNow: 2 },
    cases: {
      open: 9,
      byTier: [
        { tier: 'general', open: 6, opened: 11 },
        { tier: 'major', open: 3, opened: 2 },
        { tier: 'malicious', open: 0, opened: 1 },
      ],
      byStatus: [],
    },
    alerts: { raised: 4, open: 1, urgent: 0 },
    followups: null,
    referrals: null,
  };
}

export function fixtureEmptyOverview(): Overview {
  return { period: period(days[0]!, days[6]!), mentions: null, nps: null, sla: null, cases: null, alerts: null, followups: null, referrals: null };
}

export function fixtureHeatmap(): Heatmap {
  const rows = [
    { id: 'd1', name: '急诊科', total: 80 },
    { id: 'd2', name: 'Терапия', total: 50 },
    { id: null, name: null, total: 12 },
  ];
  const aspects = ['process.waiting', 'process.attitude', 'brand.price'];
  const cells = rows.flatMap((r, i) =>
    aspects.map((aspect, j) => {
      const total = i === 2 && j === 2 ? 2 : 20 - j * 3;
      const negative = Math.round(total * (0.5 - j * 0.1));
      const sparse = total < 5;
      return { rowId: r.id, aspect, total, positive: total - negative, negative, negativeShare: sparse ? null : negative / total, net: null, interval: null, sparse };
    }),
  );
  return { period: period(days[0]!, days[6]!), by: 'department', minMentions: 5, rows, aspects, cells };
}

export function fixturePainPoints(): PainPoints {
  return {
    period: period(days[0]!, days[6]!),
    previous: { from: '2026-11-16', to: '2026-11-22' },
    aspects: [
      {
        aspect: 'process.waiting',
        negative: 21,
        total: 40,
        negativeShare: 0.525,
        interval: { low: 0.37, high: 0.67 },
        previousNegative: 12,
        previousTotal: 38,
        quotes: [
          { mentionId: 'm1', text: '夜间急诊等了三个小时 <b>没人管</b>', sourceName: '大众点评', publishedAt: new Date('2026-11-24T15:00:00Z'), departmentName: '急诊科' },
          { mentionId: 'm2', text: 'Ждали врача больше часа', sourceName: 'Продокторов', publishedAt: null, departmentName: 'Терапия' },
        ],
        trend: [],
        actions: [],
      },
      { aspect: 'process.attitude', negative: 9, total: 30, negativeShare: 0.3, interval: { low: 0.17, high: 0.48 }, previousNegative: 10, previousTotal: 29, quotes: [], trend: [], actions: [] },
    ],
    emerging: [],
    departments: [],
  };
}

export function fixtureContent(locale: Locale, options: { cadence?: ReportCadence; empty?: boolean; locationName?: string | null } = {}): ReportContent {
  const empty = options.empty ?? false;
  return {
    orgName: locale === 'zh-CN' ? '康宁医院' : locale === 'ru' ? 'Клиника «Здоровье»' : 'Harbour Clinic',
    locationName: options.locationName ?? null,
    cadence: options.cadence ?? 'weekly',
    locale,
    timezone: 'Asia/Shanghai',
    period: { start: '2026-11-23', end: '2026-11-29' },
    previous: { start: '2026-11-16', end: '2026-11-22' },
    overview: empty ? fixtureEmptyOverview() : fixtureOverview(),
    previousOverview: empty ? fixtureEmptyOverview() : fixtureOverview(0.8),
    heatmap: empty ? { ...fixtureHeatmap(), rows: [], aspects: [], cells: [] } : fixtureHeatmap(),
    painPoints: empty ? { ...fixturePainPoints(), aspects: [] } : fixturePainPoints(),
    madeAt: new Date('2026-11-30T00:05:00Z'),
  };
}
