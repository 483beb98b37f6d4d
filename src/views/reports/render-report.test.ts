import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { renderReport } from './render-report.ts';
import { fixtureContent } from './report-fixtures.ts';
import { forEmail } from './report-html.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'verity-report-'));
function pdfText(pdf: Buffer, name: string): string {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

test('a Chinese weekly report is a PDF whose text is Chinese, with its charts in the HTML', async () => {
  const report = await renderReport(fixtureContent('zh-CN'));
  expect(report.pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const text = pdfText(report.pdf, 'zh');
  expect(text).toContain('周报');
  expect(text).toContain('康宁医院');
  expect(text).toContain('关键指标');
  expect(text).toContain('夜间急诊等了三个小时');
  expect(text).toMatch(/第 1 页，共 \d+ 页/);
  expect(report.subject).toContain('周报');
  expect(report.filename).toBe('verity-weekly-2026-11-23.pdf');
  const charts = [...report.html.matchAll(/data-chart="([a-z]+)"/g)].map((m) => m[1]);
  expect(charts).toEqual(['trend', 'nps', 'cases', 'heatmap', 'pain']);
  // Patient text is escaped, never markup.
  expect(report.html).toContain('&lt;b&gt;没人管&lt;/b&gt;');
  expect(report.html).not.toContain('<b>没人管');
});

test('a Russian monthly report has its Russian title and Russian number formats', async () => {
  const report = await renderReport(fixtureContent('ru', { cadence: 'monthly', locationName: 'Северный филиал' }));
  const text = pdfText(report.pdf, 'ru');
  expect(text).toContain('Ежемесячный отчёт');
  expect(text).toContain('Северный филиал');
  expect(text).toContain('34,5 %');
  expect(text).toContain('Сравнение с прошлым периодом');
});

test('a period without data says "No data yet" in every tile and draws no chart', async () => {
  const report = await renderReport(fixtureContent('en', { empty: true }));
  const text = pdfText(report.pdf, 'en');
  expect(text).toContain('Weekly report');
  expect(text.match(/No data yet/g)!.length).toBeGreaterThanOrEqual(8);
  expect(report.html).not.toContain('data-chart=');
});

test('for e-mail the charts become inline cid attachments', async () => {
  const report = await renderReport(fixtureContent('en'));
  const mail = forEmail(report.html);
  expect(mail.images.map((i) => i.cid)).toEqual(['chart-trend@verity', 'chart-nps@verity', 'chart-cases@verity', 'chart-heatmap@verity', 'chart-pain@verity']);
  expect(mail.html).not.toContain('data:image/png');
  expect(mail.html).toMatch(/data-chart="trend"\s+src="cid:chart-trend@verity"/);
  expect(mail.images[0]!.content.subarray(1, 4).toString()).toBe('PNG');
});
