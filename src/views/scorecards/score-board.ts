import type { Locale } from '../../core/i18n.ts';
import { viewerSees, type Viewer } from '../../core/viewer.ts';
import type { Db } from '../../db/database.ts';
import { COMMUNICATION_DIMENSIONS } from '../../surveys/surveys.vocab.ts';
import { npsFigure, wilson, type Period } from '../survey-reports/index.ts';
import { countSubjects, findSubjects, noCounts, type Subject, type SubjectCounts } from './score-data.ts';
import { communicationScore, composite, meanScore, npsScore, placesBySeparation, poissonInterval, rateScore, shareScore, type ComponentScore } from './score-math.ts';
import type { ScorecardSettings } from './scorecard-settings.ts';
import { scorecardsMessages } from './scorecards.messages.ts';
import type { ScorecardEntryView } from './scorecards.schemas.ts';
import { COMPONENT_INDICATORS, QUALITY_INDICATORS, SCORE_COMPONENTS, type NotRankedReason, type QualityIndicator, type ScoreComponent, type ScorecardSubject } from './scorecards.vocab.ts';

/** The organisation's rates in the period, the reference each rate component scores 50 against. */
export type References = Record<'praise' | 'complaints' | QualityIndicator, number | null>;

export interface Board {
  entries: ScorecardEntryView[];
  reference: References;
  groups: number;
}

const ratio = (k: number, n: number) => (n > 0 ? k / n : null);

/** The organisation's rates over every subject of the kind (praise and complaints per visit, each indicator's events per exposure). */
function references(all: SubjectCounts[]): References {
  const withVisits = all.filter((c) => c.visits > 0);
  const visits = withVisits.reduce((a, c) => a + c.visits, 0);
  const ref = {
    praise: ratio(
      withVisits.reduce((a, c) => a + c.praise, 0),
      visits,
    ),
    complaints: ratio(
      withVisits.reduce((a, c) => a + c.complaints, 0),
      visits,
    ),
  } as References;
  for (const i of QUALITY_INDICATORS) {
    const rows = all.map((c) => c.indicators[i]).filter((r) => r !== undefined);
    ref[i] = ratio(
      rows.reduce((a, r) => a + r.events, 0),
      rows.reduce((a, r) => a + r.exposures, 0),
    );
  }
  return ref;
}

/** Each component of one subject as 0–100 with its interval (null: no data in the period). */
function componentsOf(c: SubjectCounts, ref: References): Record<ScoreComponent, ComponentScore | null> {
  const indicatorScores = (part: 'quality' | 'safety') =>
    meanScore(
      COMPONENT_INDICATORS[part].flatMap((i) => {
        const row = c.indicators[i];
        const s = row ? rateScore(row.events, row.exposures, ref[i] ?? 0, true) : null;
        return s ? [s] : [];
      }),
    );
  const nps = npsFigure(c.promoters, c.passives, c.detractors);
  const counted = c.cases.total - c.cases.duplicates - c.cases.openNotDue;
  return {
    quality: indicatorScores('quality'),
    safety: indicatorScores('safety'),
    communication: c.communication ? communicationScore(Object.values(c.communication.means), c.communication.n) : null,
    nps: nps.nps !== null && nps.interval ? npsScore(nps.nps, nps.interval) : null,
    praise: rateScore(c.praise, c.visits, ref.praise ?? 0, false, 'count'),
    complaints: rateScore(c.complaints, c.visits, ref.complaints ?? 0, true, 'count'),
    // Cases that ended: closed (not as a duplicate) by their resolution deadline, of those opened in the period that are closed or overdue.
    cases: shareScore(c.cases.inTime, counted),
  };
}

function per100(k: number, visits: number) {
  return visits > 0 ? { per100: Math.round((1000 * k) / visits) / 10, interval: poissonInterval(k, visits) } : null;
}

function entryOf(subject: Subject, c: SubjectCounts, ref: References, settings: ScorecardSettings, locale: Locale): ScorecardEntryView {
  const components = componentsOf(c, ref);
  const total = composite(components, settings.weights);
  const qualityWeighted = settings.weights.quality + settings.weights.safety > 0;
  let reason: NotRankedReason | null = null;
  if (c.responses < settings.minSample) reason = 'too_few_responses';
  else if ((qualityWeighted && !components.quality && !components.safety) || !total) reason = 'no_quality_data';
  const nps = npsFigure(c.promoters, c.passives, c.detractors);
  return {
    id: subject.id,
    name: subject.name,
    detail: subject.detail,
    departmentId: subject.departmentId,
    departmentName: subject.departmentName,
    responses: c.responses,
    place: null,
    group: null,
    star: false,
    notRanked: reason ? { reason, message: scorecardsMessages.render(locale, `notRanked.${reason}`, { n: c.responses, min: settings.minSample }) } : null,
    score: total ? { score: total.score, interval: total.interval } : null,
    weightsUsed: total?.weights ?? {},
    dropped: total?.dropped ?? SCORE_COMPONENTS.filter((k) => settings.weights[k] > 0),
    components,
    counts: {
      praise: c.praise,
      complaints: c.complaints,
      mentions: c.mentions,
      visits: c.visits,
      praisePer100Visits: per100(c.praise, c.visits),
      complaintsPer100Visits: per100(c.complaints, c.visits),
      nps,
      communication: {
        n: c.communication?.n ?? 0,
        means: Object.fromEntries(COMMUNICATION_DIMENSIONS.map((d) => [d, c.communication?.means[d] ?? null])) as ScorecardEntryView['counts']['communication']['means'],
      },
      cases: c.cases,
      indicators: QUALITY_INDICATORS.flatMap((indicator) => {
        const row = c.indicators[indicator];
        return row ? [{ indicator, events: row.events, exposures: row.exposures, ratePct: Math.round((10000 * row.events) / row.exposures) / 100, interval: wilson(row.events, row.exposures) }] : [];
      }),
    },
    quotes: [],
  };
}

/**
 * Every staff member (or department) the viewer sees, scored for the period, with places: the
 * ranked (enough responses, and quality or safety data where those weigh) are grouped by
 * overlapping composite intervals (placesBySeparation); the top group's members are stars when
 * more than one group exists. Reference rates are the whole organisation's, whoever looks.
 */
export async function scoreBoard(db: Db, viewer: Viewer, kind: ScorecardSubject, period: Period, settings: ScorecardSettings, locale: Locale): Promise<Board> {
  const [subjects, counts] = await Promise.all([findSubjects(db, viewer.orgId, kind), countSubjects(db, viewer.orgId, kind, period)]);
  const ref = references(subjects.map((s) => counts.get(s.id) ?? noCounts()));
  const visible = subjects.filter((s) => viewerSees(viewer, s.departmentId));
  const entries = visible.map((s) => entryOf(s, counts.get(s.id) ?? noCounts(), ref, settings, locale));
  const ranked = entries.filter((e) => !e.notRanked && e.score);
  const places = placesBySeparation(ranked.map((e) => ({ id: e.id, score: e.score!.score, interval: e.score!.interval })));
  const groups = Math.max(0, ...[...places.values()].map((p) => p.group));
  for (const e of ranked) {
    const p = places.get(e.id)!;
    e.place = p.place;
    e.group = p.group;
    e.star = p.group === 1 && groups > 1;
  }
  entries.sort((a, b) => (a.place ?? Infinity) - (b.place ?? Infinity) || (b.score?.score ?? -1) - (a.score?.score ?? -1) || a.name.localeCompare(b.name));
  return { entries, reference: ref, groups };
}
