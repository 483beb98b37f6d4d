import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { ApiError } from '../../lib/api.ts';
import { useApp } from '../../lib/app-context.tsx';
import { useNotices } from '../../lib/notices.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { consentUses, posterSizes, posterTemplates, publicationChannels, type ConsentUse, type PosterSize, type PosterTemplate, type PublicationChannel } from '../../lib/vocab.ts';
import { Check, Field } from '../../ui/Field.tsx';
import { EnumSelect, Select } from '../../ui/Select.tsx';
import { listPosters, listStoryOptions, makePoster, posterFileUrl, previewPoster, type PosterBody, type Refusal } from './api.ts';
import { ConsentSummary } from './PostForm.tsx';
import { RefusalBox } from './Refusal.tsx';

const MAX_QUOTE = 240;
const LANGS = ['zh-CN', 'ru', 'en'] as const;
type Lang = (typeof LANGS)[number];
const clip = (s: string) => [...s.trim()].slice(0, MAX_QUOTE).join('');

/** Pick an approved story, edit the quote, see the poster as it will print, make it, download PNG or PDF. */
export function PostersTab({ storyId }: { storyId?: string }) {
  const { t, locale, formatDate } = useI18n();
  const { can } = useApp();
  const { notify } = useNotices();
  const manage = can('content.manage');
  const stories = useResource(() => listStoryOptions().then((r) => r.items.filter((s) => s.status === 'approved')), [], { fallback: [] });
  const posters = useResource(() => listPosters().then((r) => r.items), [], { fallback: [] });
  const [story, setStory] = useState(storyId ?? '');
  const [quote, setQuote] = useState('');
  const [attribution, setAttribution] = useState('');
  const [lang, setLang] = useState<Lang>('zh-CN');
  const [size, setSize] = useState<PosterSize>('square');
  const [template, setTemplate] = useState<PosterTemplate>('warm');
  const [use, setUse] = useState<ConsentUse>('website');
  const [channel, setChannel] = useState<PublicationChannel>('website');
  const [qr, setQr] = useState(true);
  const [preview, setPreview] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ message: string; refusals: Refusal[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const picked = stories.data?.find((s) => s.id === story);
  const seq = useRef(0);

  // A new story fills the quote with the start of its text, the attribution with its author and the language with its own.
  useEffect(() => {
    if (!picked) return;
    setQuote(clip(picked.body));
    setAttribution(picked.authorName ? `— ${picked.authorName}` : '');
    setLang(picked.locale);
    const consent = picked.consents.find((c) => !c.revoked);
    if (consent) {
      setUse(consent.use);
      setChannel((consent.channels[0] as PublicationChannel | undefined) ?? 'website');
    }
  }, [picked?.id]);

  const body: PosterBody | null = story && quote.trim() ? { storyId: story, quote, attribution, locale: lang, size, template, use, channel, qr } : null;
  const key = JSON.stringify(body);
  useEffect(() => {
    if (!body || !manage) return;
    const id = ++seq.current;
    const timer = setTimeout(() => {
      void previewPoster(body, locale).then((result) => {
        if (id !== seq.current) return;
        if ('url' in result) {
          setPreview((old) => {
            if (old) URL.revokeObjectURL(old);
            return result.url;
          });
          setRefusal(null);
        } else {
          setPreview((old) => {
            if (old) URL.revokeObjectURL(old);
            return null;
          });
          setRefusal(result.refusal);
        }
      });
    }, 400);
    return () => clearTimeout(timer);
  }, [key, locale]);

  const make = async () => {
    if (!body) return;
    setBusy(true);
    try {
      await makePoster(body);
      notify(t('cnt.poster.made'));
      void posters.reload();
    } catch (err) {
      const refusals = err instanceof ApiError ? (err.details as { refusals?: Refusal[] } | undefined)?.refusals : undefined;
      setRefusal({ message: err instanceof Error ? err.message : String(err), refusals: refusals ?? [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {manage && (
        <section className="card cnt-maker" data-testid="poster-maker">
          <div className="cnt-maker-form">
            <Field label={t('cnt.poster.story')}>
              <Select options={(stories.data ?? []).map((s) => ({ value: s.id, label: s.title }))} value={story} onChange={setStory} emptyLabel={t('cnt.poster.pickStory')} name="story" />
            </Field>
            {picked && <ConsentSummary story={picked} />}
            <Field label={t('cnt.poster.quote')} hint={t('cnt.poster.quoteCount', { count: [...quote].length, max: MAX_QUOTE })}>
              <textarea value={quote} onChange={(e) => setQuote(e.target.value)} rows={4} maxLength={MAX_QUOTE} name="quote" lang={lang} />
            </Field>
            <Field label={t('cnt.poster.attribution')}>
              <input value={attribution} onChange={(e) => setAttribution(e.target.value)} maxLength={80} name="attribution" />
            </Field>
            <div className="form-row cnt-form-row">
              <Field label={t('cnt.poster.language')}>
                <EnumSelect values={LANGS} value={lang} onChange={setLang} labelOf={(l) => t(`cnt.lang.${l}`)} />
              </Field>
              <Field label={t('cnt.poster.size')}>
                <EnumSelect values={posterSizes} value={size} onChange={setSize} labelOf={(s) => t(`cnt.size.${s}`)} name="size" />
              </Field>
              <Field label={t('cnt.poster.template')}>
                <EnumSelect values={posterTemplates} value={template} onChange={setTemplate} labelOf={(s) => t(`cnt.template.${s}`)} />
              </Field>
            </div>
            <div className="form-row cnt-form-row">
              <Field label={t('cnt.field.use')}>
                <EnumSelect values={consentUses} value={use} onChange={setUse} labelOf={(u) => t(`sty.use.${u}`)} name="use" />
              </Field>
              <Field label={t('cnt.field.channel')}>
                <EnumSelect values={publicationChannels} value={channel} onChange={setChannel} labelOf={(c) => t(`sty.channel.${c}`)} name="channel" />
              </Field>
            </div>
            <Check label={t('cnt.poster.qr')} checked={qr} onChange={setQr} />
            {refusal && <RefusalBox title={t('cnt.poster.refused')} {...refusal} />}
            <div className="form-actions">
              <button type="button" className="btn btn-primary" disabled={!body || busy || !!refusal} onClick={() => void make()} data-testid="make-poster">
                {t('cnt.poster.make')}
              </button>
            </div>
          </div>
          <div className="cnt-preview">
            <h3>{t('cnt.poster.preview')}</h3>
            {preview && body ? <img src={preview} alt={t('cnt.poster.previewAlt')} data-testid="poster-preview" /> : <p className="muted small">{t('cnt.poster.pickStory')}</p>}
          </div>
        </section>
      )}
      <section className="card" data-testid="poster-list">
        <h2>{t('cnt.poster.list')}</h2>
        {(posters.data ?? []).length === 0 && <p className="muted">{t('cnt.poster.none')}</p>}
        <ul className="cnt-posters">
          {(posters.data ?? []).map((p) => (
            <li key={p.id} data-testid="poster-item">
              <img src={posterFileUrl(p.id, 'png')} alt={t('cnt.poster.alt', { quote: [...p.quote].slice(0, 30).join('') })} loading="lazy" />
              <div>
                <strong>{p.storyTitle}</strong>
                <p className="small muted">
                  {t(`cnt.size.${p.size}`)} · {t(`sty.use.${p.use}`)} · {t(`sty.channel.${p.channel}`)} · {formatDate(String(p.createdAt))}
                </p>
                {p.notices.length > 0 && <p className="small">{t('cnt.poster.notices', { rules: p.notices.join(', ') })}</p>}
                {p.flag && <p className="small cnt-flag">{t('cnt.poster.flagged', { reason: t(`cnt.flagReason.${p.flag.reason}`) })}</p>}
                <div className="form-actions">
                  <a className="btn btn-small" href={posterFileUrl(p.id, 'png', true)} download data-testid="poster-png">
                    {t('cnt.poster.png')}
                  </a>
                  <a className="btn btn-small" href={posterFileUrl(p.id, 'pdf', true)} download>
                    {t('cnt.poster.pdf')}
                  </a>
                </div>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
