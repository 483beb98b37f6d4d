import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mailPart, startSmtpSink, type SmtpSink } from '../../notifications/test-receivers.ts';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { insertMentions, insertSource, type FixtureMention } from '../dashboards/dashboard-fixtures.ts';
import { addDays } from './report-period.ts';
import { runDueReports } from './run-due-reports.ts';
import { sendReport } from './send-report.ts';

/*
 * A demo-like clinic in Shanghai with two weeks of analysed mentions in two departments, a weekly
 * Chinese schedule, and a real SMTP server on 127.0.0.1: the scheduler run at Monday 08:05 in
 * Shanghai sends exactly one e-mail with the PDF attached, whose pages show the charts and the
 * Chinese text; running it again (twice at once, then once more) sends nothing more.
 */

let app: TestApp;
let smtp: SmtpSink;
let admin: TestClient;
let service: TestClient;
let orgId: string;
let scheduleId: string;
const dir = mkdtempSync(path.join(tmpdir(), 'verity-reports-'));
// Monday 2026-11-30 08:05 in Shanghai; the week reported is 2026-11-23 – 2026-11-29.
const MONDAY_0805 = new Date('2026-11-30T00:05:00Z');

beforeAll(async () => {
  smtp = await startSmtpSink();
  process.env.VERITY_SMTP_URL = smtp.url;
  app = await createTestApp();
  const db = app.ctx.db;
  orgId = await app.createOrg('reports');
  await db.updateTable('organisations').set({ timezone: 'Asia/Shanghai', name: '康宁医院集团' }).where('id', '=', orgId).execute();
  admin = await app.userClient(orgId, 'admin');
  service = await app.userClient(orgId, 'service');
  const unit = async (table: 'departments' | 'locations', code: string, name: string) =>
    (await db.insertInto(table).values({ org_id: orgId, code, name }).returning('id').executeTakeFirstOrThrow()).id;
  const emergency = await unit('departments', 'er', '急诊科');
  const dental = await unit('departments', 'dental', '口腔科');
  const east = await unit('locations', 'east', '东院');
  const source = await insertSource(db, orgId, '大众点评');
  const m = (day: string, hour: number, extra: Partial<FixtureMention>): FixtureMention => ({ sourceId: source, at: `${day}T${String(hour).padStart(2, '0')}:00:00Z`, locationId: east, ...extra });
  const mentions: FixtureMention[] = [];
  for (const [week, scale] of [
    ['2026-11-16', 1],
    ['2026-11-23', 2],
  ] as const) {
    for (let d = 0; d < 7; d++) {
      const day = addDays(week, d);
      for (let i = 0; i < 3 * scale; i++) {
        mentions.push(
          m(day, 2 + i, { departmentId: emergency, rating: 1, sentiment: 'negative', aspects: [{ aspect: 'process.waiting', polarity: 'negative' }], text: `夜间急诊等了${i + 2}个小时，没有人解释` }),
        );
        mentions.push(m(day, 3 + i, { departmentId: dental, rating: 5, sentiment: 'positive', aspects: [{ aspect: 'process.attitude', polarity: 'positive' }], text: '牙医很耐心，讲解清楚' }));
      }
      mentions.push(m(day, 6, { departmentId: dental, rating: 3, sentiment: 'negative', aspects: [{ aspect: 'brand.price', polarity: 'negative' }], text: '收费不透明，账单看不懂' }));
    }
  }
  await insertMentions(db, orgId, mentions);
  const res = await admin.post('/api/report-schedules', { cadence: 'weekly', recipients: ['director@demo.verity.local', ' pr@demo.verity.local '], locale: 'zh-CN', sendHour: 8 });
  expect(res.statusCode, res.body).toBe(201);
  scheduleId = res.json().schedule.id;
  // The schedule was made during the week reported (a schedule starts with the first week that ends after it exists).
  await db
    .updateTable('report_schedules')
    .set({ created_at: new Date('2026-11-24T02:00:00Z') })
    .where('id', '=', scheduleId)
    .execute();
}, 60_000);

afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

function attachment(raw: string, contentType: string): Buffer | null {
  for (const part of raw.split(/\r?\n--[^\r\n]+\r?\n/)) {
    const split = part.search(/\r?\n\r?\n/);
    if (split < 0 || !new RegExp(`^Content-Type: ${contentType}`, 'im').test(part.slice(0, split))) continue;
    return Buffer.from(
      part
        .slice(split)
        .replace(/\r?\n--[^\r\n]*--\s*$/, '')
        .replace(/\s+/g, ''),
      'base64',
    );
  }
  return null;
}

/** The share of a PNG's pixels that are clearly coloured (chart bars and cells; text is grey). */
async function colouredShare(file: string): Promise<number> {
  const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let coloured = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
    if (Math.max(r, g, b) - Math.min(r, g, b) > 80) coloured++;
  }
  return coloured / (info.width * info.height);
}

test('a new schedule refuses a bad address by name, in the reader’s language, and a reader may not make one', async () => {
  const bad = await admin.post('/api/report-schedules', { cadence: 'monthly', recipients: ['ok@demo.verity.local', 'not-an-address'], locale: 'en' });
  expect(bad.statusCode).toBe(400);
  expect(bad.json().error.message).toBe('Not an e-mail address: not-an-address');
  const ru = await admin.request({ method: 'POST', url: '/api/report-schedules', payload: { cadence: 'monthly', recipients: [], locale: 'en' }, headers: { 'accept-language': 'ru' } });
  expect(ru.json().error.message).toBe('Укажите хотя бы одного получателя');
  expect((await service.post('/api/report-schedules', { cadence: 'monthly', recipients: ['a@demo.verity.local'], locale: 'en' })).statusCode).toBe(403);
  const list = (await service.get('/api/report-schedules')).json().items;
  expect(list).toHaveLength(1);
  expect(list[0].recipients).toEqual(['director@demo.verity.local', 'pr@demo.verity.local']);
});

test('the scheduler sends the week’s report once at Monday’s send hour in Shanghai, with the PDF showing the charts and the Chinese text', async () => {
  // 07:55 in Shanghai: not yet.
  expect((await runDueReports(app.ctx, new Date('2026-11-29T23:55:00Z'))).made).toBe(0);
  const started = performance.now();
  const [a, b] = await Promise.all([runDueReports(app.ctx, MONDAY_0805), runDueReports(app.ctx, MONDAY_0805)]);
  const elapsed = performance.now() - started;
  expect(a.made + b.made).toBe(1);
  expect(a.sent + b.sent).toBe(1);
  console.log(`report made and sent in ${Math.round(elapsed)} ms (render ${[...a.renderMs, ...b.renderMs].join(', ')} ms)`);
  const [mail] = await smtp.waitFor(1);
  expect(mail!.to.sort()).toEqual(['director@demo.verity.local', 'pr@demo.verity.local']);
  expect(mail!.raw).toMatch(/Content-ID: <chart-trend@verity>/i);
  const html = mailPart(mail!.raw, 'text/html')!;
  expect(html).toContain('src="cid:chart-trend@verity"');
  expect(html).toContain('周报');
  const pdf = attachment(mail!.raw, 'application/pdf');
  expect(pdf?.subarray(0, 5).toString()).toBe('%PDF-');
  expect(mail!.raw).toContain('verity-weekly-2026-11-23.pdf');

  const file = path.join(dir, 'report.pdf');
  writeFileSync(file, pdf!);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('周报');
  expect(text).toContain('康宁医院集团');
  expect(text).toContain('2026年11月23日');
  expect(text).toContain('急诊科');
  expect(text).toContain('关键指标');
  execFileSync('pdftoppm', ['-png', '-r', '50', file, path.join(dir, 'page')]);
  const pages = readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png'));
  expect(pages.length).toBeGreaterThanOrEqual(2);
  const shares = await Promise.all(pages.map((p) => colouredShare(path.join(dir, p))));
  // The first page holds the sentiment chart; some page holds the heat map and the pain points.
  expect(shares[0]).toBeGreaterThan(0.02);
  expect(shares.filter((s) => s > 0.02).length).toBeGreaterThanOrEqual(2);

  expect((await runDueReports(app.ctx, MONDAY_0805)).made).toBe(0);
  expect((await runDueReports(app.ctx, new Date('2026-12-02T03:00:00Z'))).made).toBe(0);
  await new Promise((r) => setTimeout(r, 300));
  expect(smtp.mails).toHaveLength(1);

  const archive = (await service.get('/api/reports')).json();
  expect(archive.total).toBe(1);
  expect(archive.items[0]).toMatchObject({ scheduleId, status: 'sent', periodStart: '2026-11-23', periodEnd: '2026-11-29', locale: 'zh-CN', filename: 'verity-weekly-2026-11-23.pdf' });
  const schedule = (await service.get(`/api/report-schedules/${scheduleId}`)).json().schedule;
  expect(schedule.lastReport).toMatchObject({ periodStart: '2026-11-23', status: 'sent' });
});

test('the archive gives the PDF with its name and type and the HTML on its own; a failed send can be retried', async () => {
  const [report] = (await service.get('/api/reports')).json().items;
  const pdf = await service.get(`/api/reports/${report.id}/pdf`);
  expect(pdf.statusCode).toBe(200);
  expect(pdf.headers['content-type']).toBe('application/pdf');
  expect(pdf.headers['content-disposition']).toBe('attachment; filename="verity-weekly-2026-11-23.pdf"');
  expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  const html = await service.get(`/api/reports/${report.id}/html`);
  expect(html.headers['content-type']).toContain('text/html');
  expect(html.headers['content-security-policy']).toContain("default-src 'none'");
  expect(html.body).toContain('data:image/png;base64,');

  // The mail server is down: the report is marked failed with its error…
  const failed = await sendReport(app.ctx.db, { smtpUrl: 'smtp://127.0.0.1:9', mailFrom: 'Verity <verity@localhost>' }, orgId, report.id);
  expect(failed.status).toBe('failed');
  expect((await service.get(`/api/reports/${report.id}`)).json().report).toMatchObject({ status: 'failed', error: expect.stringMatching(/ECONNREFUSED|connect/i) });
  expect((await service.request({ method: 'POST', url: `/api/reports/${report.id}/send` })).statusCode).toBe(403);
  // …and sent again from the archive once it is back.
  const retried = await admin.post(`/api/reports/${report.id}/send`, {});
  expect(retried.json().report).toMatchObject({ status: 'sent', error: null });
  await smtp.waitFor(2);
});

test('“make now” archives a report of the schedule for an ended week without taking the scheduled one’s place', async () => {
  const res = await admin.post(`/api/report-schedules/${scheduleId}/make`, { day: '2026-11-18' });
  expect(res.statusCode, res.body).toBe(201);
  expect(res.json().report).toMatchObject({ scheduleId: null, periodStart: '2026-11-16', periodEnd: '2026-11-22', status: 'made', cadence: 'weekly' });
  const future = await admin.post(`/api/report-schedules/${scheduleId}/make`, { day: '2099-01-01' });
  expect(future.statusCode).toBe(400);
  expect(future.json().error.message).toBe('The period 2098-12-29 – 2099-01-04 has not ended yet');
});
