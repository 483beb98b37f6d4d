import { html, trusted, type SafeHtml } from '../../core/public-page.ts';
import type { ChartImage } from './report-charts.ts';
import { formatter, keyFigures, reportTitle, topPainPoints, type ReportContent } from './report-content.ts';

/*
 * The report as one HTML document with inline CSS only (what mail clients keep). The archive keeps
 * it with the charts as data: URIs, so it opens by itself; `forEmail` turns them into `cid:`
 * attachments. Every text from data (quotes, names) goes through the escaping `html` tag.
 */

const FONT = "font-family:'Noto Sans SC','PingFang SC','Microsoft YaHei',Arial,sans-serif";
const MUTED = 'color:#6b7280';

export function reportHtml(content: ReportContent, charts: ChartImage[]): string {
  const f = formatter(content.locale);
  const head = reportTitle(content);
  const figures = keyFigures(content);
  const noData = html`<p style="${MUTED};font-size:14px;margin:4px 0 12px">${f.t('noData')}</p>`;
  const section = (title: string, body: SafeHtml) =>
    html`<h2 style="font-size:17px;margin:24px 0 8px;color:#111827">${title}</h2>
      ${body}`;
  const chart = (id: ChartImage['id'], title: string, after: SafeHtml | null = null, fallback: SafeHtml | null = null) => {
    const image = charts.find((c) => c.id === id);
    const body =
      !image && fallback
        ? fallback
        : image
          ? html`<img
                data-chart="${id}"
                src="${trusted(`data:image/png;base64,${image.png.toString('base64')}`)}"
                alt="${title}"
                width="640"
                style="display:block;width:100%;max-width:640px;height:auto;border:0"
              />${after}`
          : noData;
    return section(title, body);
  };
  const tiles = html`<table role="presentation" cellpadding="0" cellspacing="0" style="width:100%;border-collapse:separate;border-spacing:6px">
    ${chunk(figures, 2).map(
      (pair) =>
        html`<tr>
          ${pair.map(
            (fig) =>
              html`<td style="width:50%;vertical-align:top;background:#f9fafb;border:1px solid #e5e7eb;border-radius:6px;padding:10px">
                <div style="font-size:12px;${MUTED}">${fig.label}</div>
                <div style="font-size:${fig.hasData ? '22px;font-weight:700;color:#111827' : `14px;${MUTED}`};margin:2px 0">${fig.value}</div>
                ${fig.detail ? html`<div style="font-size:11px;${MUTED}">${fig.detail}</div>` : null}
                <div style="font-size:11px;${MUTED}">${f.t('previousValue', { value: fig.previous })}</div>
              </td>`,
          )}
        </tr>`,
    )}
  </table>`;
  const pains = topPainPoints(content.painPoints).map(
    (p) =>
      html`<div style="margin:10px 0 0">
        <div style="font-weight:700;font-size:14px">${f.aspect(p.aspect)}</div>
        <div style="font-size:12px;${MUTED}">${f.t('painPointLine', { negative: p.negative, total: p.total, share: f.pct(p.negativeShare), previous: p.previousNegative })}</div>
        ${p.quotes.map(
          (q) =>
            html`<blockquote style="margin:6px 0 0 0;padding:4px 10px;border-left:3px solid #fca5a5;font-size:13px">
              ${q.text}
              <div style="font-size:11px;${MUTED}">${[q.sourceName, q.departmentName].filter(Boolean).join(' · ')}</div>
            </blockquote>`,
        )}
      </div>`,
  );
  const cell = 'padding:6px 4px;border-bottom:1px solid #e5e7eb;font-size:13px';
  const comparison = html`<p style="font-size:12px;${MUTED};margin:0 0 6px">${f.t('previousPeriod', { from: f.day(content.previous.start), to: f.day(content.previous.end) })}</p>
    <table role="presentation" cellpadding="0" cellspacing="0" style="width:100%;border-collapse:collapse">
      <tr>
        <th style="${cell};text-align:left">${f.t('column.figure')}</th>
        <th style="${cell};text-align:right">${f.t('column.current')}</th>
        <th style="${cell};text-align:right">${f.t('column.previous')}</th>
        <th style="${cell};text-align:right">${f.t('column.change')}</th>
      </tr>
      ${figures.map(
        (fig) =>
          html`<tr>
            <td style="${cell}">${fig.label}</td>
            <td style="${cell};text-align:right">${fig.value}</td>
            <td style="${cell};text-align:right">${fig.previous}</td>
            <td style="${cell};text-align:right">${fig.change}</td>
          </tr>`,
      )}
    </table>`;
  const nps = content.overview.nps;
  const npsLine =
    nps?.nps != null && nps.interval
      ? html`<p style="font-size:13px;margin:6px 0">${f.t('npsLine', { nps: f.int(nps.nps), low: f.int(nps.interval.low), high: f.int(nps.interval.high), n: nps.n })}</p>`
      : null;
  const body = html`<!doctype html>
    <html lang="${content.locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>${f.t('email.subject', { title: head.title, scope: head.scope, period: head.period })}</title>
      </head>
      <body style="margin:0;padding:0;background:#f3f4f6;${FONT};color:#111827">
        <div style="max-width:680px;margin:0 auto;padding:16px;background:#ffffff">
          <h1 style="font-size:24px;margin:0">${head.title}</h1>
          <p style="font-size:15px;margin:4px 0 0">${head.scope}</p>
          <p style="font-size:14px;margin:2px 0 0;${MUTED}">${head.period}</p>
          <p style="font-size:14px;margin:16px 0 0">${f.t('email.intro', { period: head.period })}</p>
          ${section(f.t('section.keyFigures'), html`${tiles}${npsLine}`)} ${chart('trend', f.t('section.trend'))} ${chart('nps', f.t('section.nps'), null, npsLine)}
          ${chart('cases', f.t('section.cases'))} ${chart('heatmap', f.t('section.heatmap'), html`<p style="font-size:12px;${MUTED}">${f.t('sparseNote', { min: content.heatmap.minMentions })}</p>`)}
          ${chart('pain', f.t('section.painPoints'), html`${pains}`)} ${section(f.t('section.comparison'), comparison)}
          <p style="font-size:12px;${MUTED};margin:24px 0 0">${f.t('email.archive')}<br />${f.t('madeBy', { date: f.dateTime(content.madeAt, content.timezone) })}</p>
        </div>
      </body>
    </html>`;
  return body.__html;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The archived HTML as an e-mail: each data: chart becomes an inline `cid:` attachment. */
export function forEmail(archived: string): { html: string; images: { cid: string; filename: string; content: Buffer }[] } {
  const images: { cid: string; filename: string; content: Buffer }[] = [];
  const out = archived.replace(/data-chart="([a-z]+)"(\s+)src="data:image\/png;base64,([A-Za-z0-9+/=]+)"/g, (_m, id: string, space: string, data: string) => {
    const cid = `chart-${id}@verity`;
    images.push({ cid, filename: `${id}.png`, content: Buffer.from(data, 'base64') });
    return `data-chart="${id}"${space}src="cid:${cid}"`;
  });
  return { html: out, images };
}
