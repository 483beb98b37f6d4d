import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { Modal } from '../../ui/Modal.tsx';
import { listPosts, listStoryOptions, type Post } from './api.ts';
import { PostForm } from './PostForm.tsx';

const dayKey = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The month's posts: a grid of weeks at the desk, a list of days on a phone; undated ideas below. */
export function CalendarTab({ storyId }: { storyId?: string }) {
  const { t, locale, formatDate } = useI18n();
  const { can } = useApp();
  const manage = can('content.manage');
  const now = new Date();
  const [month, setMonth] = useState(() => new Date(now.getFullYear(), now.getMonth(), 1));
  const [editing, setEditing] = useState<Post | 'new' | null>(storyId && manage ? 'new' : null);
  const next = new Date(month.getFullYear(), month.getMonth() + 1, 1);
  const posts = useResource(() => listPosts(month.toISOString(), next.toISOString()).then((r) => r.items), [month.getTime()], { fallback: [] });
  const stories = useResource(() => listStoryOptions().then((r) => r.items), [], { fallback: [] });

  const byDay = new Map<string, Post[]>();
  const undated: Post[] = [];
  for (const p of posts.data ?? []) {
    if (!p.scheduledFor) undated.push(p);
    else {
      const key = dayKey(new Date(p.scheduledFor));
      byDay.set(key, [...(byDay.get(key) ?? []), p]);
    }
  }
  const start = new Date(month);
  start.setDate(1 - ((month.getDay() + 6) % 7));
  const days = Array.from({ length: 42 }, (_, i) => new Date(start.getFullYear(), start.getMonth(), start.getDate() + i));
  const weekdays = days.slice(0, 7).map((d) => d.toLocaleDateString(locale, { weekday: 'short' }));
  const today = dayKey(now);
  const title = month.toLocaleDateString(locale, { year: 'numeric', month: 'long' });
  const agendaDays = [...byDay.keys()].sort();

  const chip = (p: Post) => (
    <button key={p.id} type="button" className={`cnt-post cnt-post-${p.status}`} onClick={() => setEditing(p)} data-testid="calendar-post" title={p.title}>
      <span className="cnt-post-time">{new Date(p.scheduledFor!).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })}</span> {p.title}
      <span className="cnt-post-meta">
        {t(`sty.channel.${p.channel}`)} · {t(`cnt.status.${p.status}`)}
      </span>
    </button>
  );

  return (
    <section className="card" data-testid="content-calendar">
      <div className="cnt-cal-head">
        <div className="cnt-cal-nav">
          <button type="button" className="btn btn-small" aria-label={t('cnt.prevMonth')} onClick={() => setMonth(new Date(month.getFullYear(), month.getMonth() - 1, 1))}>
            ‹
          </button>
          <h2>{title}</h2>
          <button type="button" className="btn btn-small" aria-label={t('cnt.nextMonth')} onClick={() => setMonth(next)}>
            ›
          </button>
          <button type="button" className="btn btn-small" onClick={() => setMonth(new Date(now.getFullYear(), now.getMonth(), 1))}>
            {t('cnt.today')}
          </button>
        </div>
        {manage && (
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
            {t('cnt.newPost')}
          </button>
        )}
      </div>
      <div className="cnt-grid" role="table" aria-label={title}>
        <div className="cnt-row" role="row">
          {weekdays.map((w) => (
            <div key={w} className="cnt-weekday" role="columnheader">
              {w}
            </div>
          ))}
        </div>
        {Array.from({ length: Math.ceil(days.length / 7) }, (_, week) => (
          <div key={week} className="cnt-row" role="row">
            {days.slice(week * 7, week * 7 + 7).map((d) => {
              const key = dayKey(d);
              const list = byDay.get(key) ?? [];
              return (
                <div key={key} role="cell" className={`cnt-day${d.getMonth() !== month.getMonth() ? ' cnt-other' : ''}${key === today ? ' cnt-today' : ''}`}>
                  <span className="cnt-daynum">{d.getDate()}</span>
                  {list.slice(0, 3).map(chip)}
                  {list.length > 3 && <span className="small muted">{t('cnt.more', { count: list.length - 3 })}</span>}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <div className="cnt-agenda">
        {agendaDays.length === 0 && <p className="muted">{t('cnt.noPosts')}</p>}
        {agendaDays.map((key) => (
          <div key={key} className="cnt-agenda-day">
            <h3>{formatDate(`${key}T12:00:00`, false)}</h3>
            {(byDay.get(key) ?? []).map(chip)}
          </div>
        ))}
      </div>
      {undated.length > 0 && (
        <div className="cnt-undated">
          <h3>{t('cnt.undated')}</h3>
          {undated.map((p) => (
            <button key={p.id} type="button" className={`cnt-post cnt-post-${p.status}`} onClick={() => setEditing(p)} data-testid="calendar-post">
              {p.title}
              <span className="cnt-post-meta">
                {t(`sty.channel.${p.channel}`)} · {t(`cnt.status.${p.status}`)}
              </span>
            </button>
          ))}
        </div>
      )}
      {editing && (
        <Modal title={editing === 'new' ? t('cnt.newPost') : t('cnt.editPost')} onClose={() => setEditing(null)}>
          <PostForm
            post={editing === 'new' ? null : editing}
            stories={stories.data ?? []}
            initialStoryId={editing === 'new' ? storyId : undefined}
            readOnly={!manage}
            onSaved={() => {
              setEditing(null);
              void posts.reload();
            }}
            onCancel={() => setEditing(null)}
          />
        </Modal>
      )}
    </section>
  );
}
