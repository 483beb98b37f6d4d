import type { Text } from '../../core/i18n.ts';
import type { Db } from '../../db/database.ts';

/** Contract 5: what FOLLOWUPS' `followupTimeline` returns for a patient. */
export interface FollowupEvent {
  at: Date;
  kind: string;
  text: Text;
  ref: { type: string; id: string };
}
type FollowupTimeline = (db: Db, orgId: string, patientId: string) => Promise<FollowupEvent[]>;

let loading: Promise<FollowupTimeline | null> | undefined;

/**
 * FOLLOWUPS' `followupTimeline` (src/followups/index.ts), loaded when first needed. While that
 * module does not exist yet the timeline has no follow-up events; any other failure to load it is
 * an error, never an empty list.
 * TODO(REPORTS): a static import once src/followups/index.ts exports it.
 */
async function loadFollowupTimeline(): Promise<FollowupTimeline | null> {
  const specifier = '../../followups/index.ts';
  loading ??= import(/* @vite-ignore */ specifier).then(
    (m: { followupTimeline?: FollowupTimeline }) => m.followupTimeline ?? null,
    (error: unknown) => {
      const code = (error as { code?: string }).code;
      const message = error instanceof Error ? error.message : '';
      if (code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module|Failed to load url|does not exist/i.test(message)) return null;
      throw error;
    },
  );
  return loading;
}

/** The patient's follow-up events (enrolled, withdrawn, readings, photos, tasks, questions, answers). */
export async function followupEvents(db: Db, orgId: string, patientId: string): Promise<FollowupEvent[]> {
  const timeline = await loadFollowupTimeline();
  return timeline ? timeline(db, orgId, patientId) : [];
}
