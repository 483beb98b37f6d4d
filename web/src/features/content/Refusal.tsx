import { useI18n } from '../../i18n/index.tsx';
import type { Refusal } from './api.ts';

/** Why a use of stories was refused: per story, each rule with its law and explanation. */
export function RefusalBox({ title, message, refusals }: { title: string; message: string; refusals: Refusal[] }) {
  const { t } = useI18n();
  return (
    <div className="cnt-refusal" role="alert" data-testid="use-refusal">
      <strong>{title}</strong>
      {refusals.length === 0 && <p className="small">{message}</p>}
      {refusals.map((r) => (
        <div key={r.storyId}>
          <p className="small">{t('cnt.refusedStory', { story: r.storyTitle })}</p>
          <ul className="cnt-findings">
            {r.findings.map((f) => (
              <li key={f.rule} className={f.severity} data-rule={f.rule}>
                <code>{f.rule}</code> {f.text}
                {f.law && <small className="cnt-law">{f.law}</small>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
