import type { Db } from '../db/database.ts';
import type { Tier } from '../cases/cases.vocab.ts';

const DEFAULT_TEMPLATES = [
  { name: 'Apology and contact', lang: 'en', text: "Dear {{author}}, thank you for telling us. We're sorry to hear this. Please contact {{contact}} so we can look into it. — {{clinic}}" },
  { name: '致歉并请联系', lang: 'zh', text: '{{author}}您好，感谢您的反馈，给您带来不好的体验我们深表歉意。请联系{{contact}}，以便我们进一步了解情况。——{{clinic}}' },
  {
    name: 'Извинение и контакт',
    lang: 'ru',
    text: '{{author}}, спасибо, что рассказали нам. Нам очень жаль это слышать. Пожалуйста, свяжитесь с {{contact}}, чтобы мы могли во всём разобраться. — {{clinic}}',
  },
];

const CONTACT: Record<string, string> = { en: 'our patient service team', zh: '我们的患者服务团队', ru: 'нашей службой заботы о пациентах' };

export interface TemplateFilter {
  lang?: string;
  tier?: Tier;
  aspect?: string;
}

/** The organisation's reply templates (seeding a default per language the first time), narrowed by language, tier and aspect; a template without a tier or aspect fits all. */
export async function findReplyTemplates(db: Db, orgId: string, filter: TemplateFilter = {}) {
  const any = await db.selectFrom('reply_templates').select('id').where('org_id', '=', orgId).limit(1).executeTakeFirst();
  if (!any)
    await db
      .insertInto('reply_templates')
      .values(DEFAULT_TEMPLATES.map((t) => ({ ...t, org_id: orgId })))
      .execute();
  let query = db.selectFrom('reply_templates').select(['id', 'name', 'lang', 'tier', 'aspect', 'text']).where('org_id', '=', orgId);
  if (filter.lang) query = query.where('lang', '=', filter.lang);
  if (filter.tier) query = query.where((eb) => eb.or([eb('tier', 'is', null), eb('tier', '=', filter.tier!)]));
  if (filter.aspect) query = query.where((eb) => eb.or([eb('aspect', 'is', null), eb('aspect', '=', filter.aspect!)]));
  const rows = await query.orderBy('created_at').orderBy('name').execute();
  return rows.map((r) => ({ ...r, tier: r.tier }));
}

export async function createReplyTemplate(db: Db, orgId: string, body: { name: string; lang: string; tier?: Tier; aspect?: string; text: string }) {
  const row = await db
    .insertInto('reply_templates')
    .values({ org_id: orgId, name: body.name, lang: body.lang, tier: body.tier ?? null, aspect: body.aspect ?? null, text: body.text })
    .returning(['id', 'name', 'lang', 'tier', 'aspect', 'text'])
    .executeTakeFirstOrThrow();
  return { ...row, tier: row.tier };
}

/** Fills {{clinic}}, {{author}}, {{contact}} and {{case}}; unknown placeholders stay for a person to fill. */
export function fillPlaceholders(text: string, values: { clinic: string; author: string | null; lang: string; caseNumber: number }): string {
  const map: Record<string, string> = {
    clinic: values.clinic,
    author: values.author ?? '',
    contact: CONTACT[values.lang] ?? CONTACT.en!,
    case: String(values.caseNumber),
  };
  // Without the author's name, the greeting goes: "Dear {{author}}, thank you" reads "Thank you".
  const source = values.author ? text : text.replace(/^\s*(?:dear|hello|hi)\s+\{\{\s*author\s*\}\}\s*[,，]?\s*/i, '');
  const filled = source.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => map[key] ?? whole).replace(/^[\s,，]+/, '');
  return values.author || filled === text ? filled : filled.charAt(0).toLocaleUpperCase() + filled.slice(1);
}
