import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';
import { createSurveyFromTemplate } from './create-survey.ts';
import { createSurveyLink } from './survey-links.ts';
import { surveyUrl } from './surveys.queries.ts';

// pngjs comes with qrcode (no types of its own): it decodes the PNG to pixels.
const { PNG } = createRequire(import.meta.url)('pngjs') as { PNG: { sync: { read(png: Buffer): { width: number; height: number; data: Buffer } } } };

// Survey links per organisation, location, department, doctor and visit; their QR codes and printed cards.
let app: TestApp;
let orgId: string;
let otherOrg: string;
let admin: TestClient;
let pr: TestClient;
let surveyId: string;
const ids = {} as Record<'location' | 'department' | 'staff' | 'visit' | 'otherLocation' | 'otherStaff', string>;

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('survey-links');
  otherOrg = await app.createOrg('survey-links-other');
  await app.ctx.db.updateTable('organisations').set({ name: '仁和医院', default_locale: 'zh-CN' }).where('id', '=', orgId).execute();
  admin = await app.userClient(orgId, 'admin');
  pr = await app.userClient(orgId, 'pr');
  const db = app.ctx.db;
  ids.location = (await db.insertInto('locations').values({ org_id: orgId, code: 'north', name: '北院区' }).returning('id').executeTakeFirstOrThrow()).id;
  ids.department = (await db.insertInto('departments').values({ org_id: orgId, code: 'cardio', name: '心内科', location_id: ids.location }).returning('id').executeTakeFirstOrThrow()).id;
  ids.staff = (await db.insertInto('staff').values({ org_id: orgId, name: 'Dr. Petrova', department_id: ids.department }).returning('id').executeTakeFirstOrThrow()).id;
  const patient = (await db.insertInto('patients').values({ org_id: orgId, name: 'Test Patient' }).returning('id').executeTakeFirstOrThrow()).id;
  ids.visit = (
    await db
      .insertInto('visits')
      .values({ org_id: orgId, patient_id: patient, source: 'manual', location_id: ids.location, department_id: ids.department, staff_id: ids.staff })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  ids.otherLocation = (await db.insertInto('locations').values({ org_id: otherOrg, code: 'x', name: 'Other' }).returning('id').executeTakeFirstOrThrow()).id;
  ids.otherStaff = (await db.insertInto('staff').values({ org_id: otherOrg, name: 'Dr. Other' }).returning('id').executeTakeFirstOrThrow()).id;
  surveyId = await createSurveyFromTemplate(db, { orgId, template: 'outpatient' });
});
afterAll(async () => {
  await app?.close();
});

/** The characters a PDF's ToUnicode maps hold: what its embedded font was used to write. */
function pdfUnicode(pdf: Buffer): Set<string> {
  const chars = new Set<string>();
  for (const m of pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let body: string;
    try {
      body = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      continue; // not a deflated stream
    }
    if (!body.includes('beginbf')) continue;
    const maps = body.slice(body.indexOf('endcodespacerange'));
    for (const hex of maps.matchAll(/<([0-9a-fA-F]{4})>/g)) chars.add(String.fromCodePoint(parseInt(hex[1]!, 16)));
  }
  return chars;
}

async function newLink(body: Record<string, unknown>) {
  return admin.post(`/api/surveys/${surveyId}/links`, body);
}

describe('links', () => {
  test('creates a link per scope and inherits the department’s location and the doctor’s department', async () => {
    const org = await newLink({ scope: 'organisation' });
    expect(org.statusCode, org.body).toBe(201);
    expect(org.json().link).toMatchObject({ scope: 'organisation', locationId: null, label: '', locale: null });
    expect(org.json().link.token).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    // Without a public URL configured, the address staff reached Verity at.
    expect(org.json().link.url).toBe(`http://localhost:80/s/${org.json().link.token}`);
    expect(surveyUrl({ publicUrl: 'https://clinic.example/', port: 3000 }, 'abc')).toBe('https://clinic.example/s/abc');
    expect(surveyUrl({ publicUrl: null, port: 3000 }, 'abc')).toBe('http://localhost:3000/s/abc');
    expect(org.json().link.url).toMatch(/\/s\/[A-Za-z0-9_-]{22,}$/);

    const dept = (await newLink({ scope: 'department', departmentId: ids.department })).json().link;
    expect(dept).toMatchObject({ departmentId: ids.department, locationId: ids.location, staffId: null, label: '心内科 · 北院区' });
    const doctor = (await newLink({ scope: 'staff', staffId: ids.staff, locale: 'ru', label: 'Кабинет 12' })).json().link;
    expect(doctor).toMatchObject({ staffId: ids.staff, departmentId: ids.department, locationId: ids.location, label: 'Кабинет 12', locale: 'ru' });

    const list = (await pr.get(`/api/surveys/${surveyId}/links`)).json().items;
    expect(list.map((l: { id: string }) => l.id)).toEqual(expect.arrayContaining([org.json().link.id, dept.id, doctor.id]));
    const audit = await app.ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', dept.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['survey_link.created']);
  });

  test('refuses ids that do not match the scope, missing ids and another organisation’s ids, naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ scope: 'location' }, 'a location link needs locationId'],
      [{ scope: 'location', locationId: ids.location, staffId: ids.staff }, 'a location link does not take staffId'],
      [{ scope: 'organisation', departmentId: ids.department }, 'a organisation link does not take departmentId'],
      [{ scope: 'location', locationId: ids.otherLocation }, 'locationId names a record that does not exist in your organisation'],
      [{ scope: 'staff', staffId: ids.otherStaff }, 'staffId names a record that does not exist in your organisation'],
      [{ scope: 'visit', visitId: '00000000-0000-4000-8000-000000000000' }, 'visitId names a record that does not exist in your organisation'],
    ];
    for (const [body, message] of cases) {
      const res = await newLink(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.message).toBe(message);
    }
    expect((await pr.post(`/api/surveys/${surveyId}/links`, { scope: 'organisation' })).statusCode).toBe(403);
  });

  test('a visit gets one link per survey, with the visit’s location, department and doctor', async () => {
    const first = await createSurveyLink(app.ctx.db, { orgId, surveyId, scope: 'visit', visitId: ids.visit });
    const again = await createSurveyLink(app.ctx.db, { orgId, surveyId, scope: 'visit', visitId: ids.visit });
    expect(again.id).toBe(first.id);
    expect(again.token).toBe(first.token);
    const row = await app.ctx.db.selectFrom('survey_links').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ scope: 'visit', visit_id: ids.visit, location_id: ids.location, department_id: ids.department, staff_id: ids.staff });
    expect((await admin.get(`/api/surveys/${surveyId}/links`)).json().items.some((l: { id: string }) => l.id === first.id)).toBe(false);
    expect((await admin.get(`/api/surveys/${surveyId}/links?visits=true`)).json().items.some((l: { id: string }) => l.id === first.id)).toBe(true);
    await expect(createSurveyLink(app.ctx.db, { orgId: otherOrg, surveyId, scope: 'organisation' })).rejects.toMatchObject({ code: 'not_found' });
  });

  test('disables a link (idempotent) and refuses links for an archived survey', async () => {
    const link = (await newLink({ scope: 'location', locationId: ids.location })).json().link;
    const off = await admin.post(`/api/survey-links/${link.id}/disable`);
    expect(off.statusCode).toBe(200);
    expect(off.json().link.disabledAt).not.toBeNull();
    expect((await admin.post(`/api/survey-links/${link.id}/disable`)).statusCode).toBe(200);
    const archived = await createSurveyFromTemplate(app.ctx.db, { orgId, template: 'fft' });
    await admin.patch(`/api/surveys/${archived}`, { status: 'archived' });
    const res = await admin.post(`/api/surveys/${archived}/links`, { scope: 'organisation' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('the survey is archived; activate it before creating links');
  });
});

describe('QR codes and the A6 card', () => {
  let link: { id: string; url: string };
  beforeAll(async () => {
    link = (await newLink({ scope: 'department', departmentId: ids.department })).json().link;
  });

  test('the PNG is the QR code of the link’s URL, module by module', async () => {
    const res = await pr.get(`/api/survey-links/${link.id}/qr.png`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.rawPayload.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const png = PNG.sync.read(res.rawPayload);
    expect(png.width).toBe(png.height);
    expect(png.width).toBeGreaterThanOrEqual(500);
    // Sample the centre of every module and compare with the matrix qrcode makes for the URL.
    const qr = QRCode.create(link.url, { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    const margin = 4;
    const px = png.width / (n + 2 * margin);
    let mismatches = 0;
    for (let r = 0; r < n; r++)
      for (let c = 0; c < n; c++) {
        const x = Math.floor((margin + c + 0.5) * px);
        const y = Math.floor((margin + r + 0.5) * px);
        const dark = png.data[(y * png.width + x) * 4]! < 128;
        if (dark !== Boolean(qr.modules.get(r, c))) mismatches++;
      }
    expect(mismatches).toBe(0);
  });

  test('the SVG is a QR code document', async () => {
    const res = await pr.get(`/api/survey-links/${link.id}/qr.svg`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.body).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
    expect(res.body).toContain('<path');
  });

  test('the card is a one-page A6 PDF with Noto Sans embedded and the clinic’s name, the label, the invitation and the URL in it', async () => {
    const res = await pr.get(`/api/survey-links/${link.id}/card.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(raw.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(raw).toContain('/MediaBox [0 0 297.64 419.53]');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
    expect(raw).toContain('/FontFile2');
    // The glyphs used are mapped back to Unicode (ToUnicode): every character of what the card says is among them.
    const unicode = pdfUnicode(pdf);
    for (const text of ['仁和医院', '心内科 · 北院区', '请告诉我们您的就诊感受', link.url]) for (const ch of text.replace(/\s/g, '')) expect(unicode.has(ch), `${text}: ${ch}`).toBe(true);
  });

  test('a Russian link’s card speaks Russian', async () => {
    const ru = (await newLink({ scope: 'staff', staffId: ids.staff, locale: 'ru' })).json().link;
    const raw = (await pr.get(`/api/survey-links/${ru.id}/card.pdf`)).rawPayload;
    const chars = pdfUnicode(raw);
    for (const ch of 'Расскажитеовашемвизите') expect(chars.has(ch), ch).toBe(true);
  });
});
