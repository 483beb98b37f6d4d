import { findActions, findHandling, findTimeline, getCase } from '../../cases/index.ts';
import type { Locale } from '../../core/i18n.ts';
import { wholeOrganisation, type Viewer } from '../../core/viewer.ts';
import type { Db } from '../../db/database.ts';
import { findMention } from '../../mentions/index.ts';
import { findCaseReplies } from '../../replies/index.ts';

/**
 * One case with everything its page shows: the timeline, handling, actions with their effect,
 * replies and the case's mentions. Throws not_found for a case the viewer may not see.
 */
export async function caseDetail(db: Db, viewer: Viewer, id: string, locale: Locale) {
  const c = await getCase(db, viewer, id, locale);
  // The case's own mentions are shown in full to whoever may see the case.
  const all = wholeOrganisation(viewer.orgId);
  const mentions = await Promise.all(c.mentionIds.map((mentionId) => findMention(db, all, mentionId)));
  return {
    case: c,
    timeline: await findTimeline(db, c.id, locale),
    handling: await findHandling(db, c.id),
    actions: await findActions(db, { id: c.id, orgId: viewer.orgId, departmentId: c.departmentId, locationId: c.locationId }),
    replies: await findCaseReplies(db, c.id, locale),
    mentions: mentions.filter((m) => m !== undefined),
  };
}
