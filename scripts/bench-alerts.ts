/**
 * npm run bench:alerts [-- --mentions N]
 * Starts Verity on 127.0.0.1 with a fresh embedded database in a temp directory (workers on), a
 * local SMTP server and a local webhook receiver, and a rule that alerts on every negative mention
 * (no cooldown) to an e-mail channel and a signed webhook channel. Then pushes N mentions (default
 * 50) one at a time through the push API and times each from the push being accepted to the
 * e-mail and the webhook arriving. Pushes are 500 ms apart (--interval MS): faster than the
 * analysis job's 2-second debounce slot, so the figures include waiting for the next slot.
 * Last line: {"p50Ms","p95Ms",…} over "both arrived".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startVerity } from '../src/app.ts';
import { createUser } from '../src/auth/create-user.ts';
import { startHttpReceiver, startSmtpSink } from '../src/notifications/test-receivers.ts';

const arg = process.argv.indexOf('--mentions');
const MENTIONS = arg > 0 ? Number(process.argv[arg + 1]) : 50;
const intervalArg = process.argv.indexOf('--interval');
const INTERVAL_MS = intervalArg > 0 ? Number(process.argv[intervalArg + 1]) : 500;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-bench-alerts-'));
  const smtp = await startSmtpSink();
  const receiver = await startHttpReceiver();
  process.env.VERITY_SMTP_URL = smtp.url;
  // The webhook receiver listens on loopback, which only the operator's allow-list opens.
  process.env.VERITY_OUTBOUND_ALLOW = '127.0.0.1';
  const verity = await startVerity({ dataDir: path.join(work, 'data'), port: 0, host: '127.0.0.1', logLevel: 'warn' });
  const base = `http://127.0.0.1:${new URL(verity.url).port}`;
  try {
    const org = await verity.ctx.db.insertInto('organisations').values({ slug: 'bench', name: 'Bench clinic' }).returning('id').executeTakeFirstOrThrow();
    await createUser(verity.ctx.db, { orgId: org.id, email: 'admin@bench.test', name: 'Admin', role: 'admin', password: 'bench password 1' });
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@bench.test', password: 'bench password 1' }),
    });
    const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]!);
    const csrf = cookies.find((c) => c.startsWith('verity_csrf='))!.split('=')[1]!;
    const api = async (url: string, body: unknown) => {
      const res = await fetch(`${base}${url}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-csrf-token': csrf }, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<Record<string, { id: string }> & { token: string }>;
    };
    const source = await api('/api/sources', { name: 'Bench push', kind: 'push' });
    const email = (await api('/api/alert-channels', { name: 'Bench mail', kind: 'email', config: { to: ['oncall@bench.test'] } })).channel!.id;
    const hook = (await api('/api/alert-channels', { name: 'Bench hook', kind: 'webhook', config: { url: `${receiver.url}/hook`, secret: 'bench-secret-123' } })).channel!.id;
    await api('/api/alert-rules', { name: 'Every negative', kind: 'mention', mention: { sentimentNegative: true }, channelIds: [email, hook], cooldownMinutes: 0 });

    const both: number[] = [];
    const mailMs: number[] = [];
    const hookMs: number[] = [];
    let lastPush = 0;
    for (let i = 0; i < MENTIONS; i++) {
      const wait = lastPush + INTERVAL_MS - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const marker = `bench-${i}-${Date.now()}`;
      lastPush = Date.now();
      const res = await fetch(`${base}/api/v1/sources/${source.source!.id}/mentions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${source.token}` },
        body: JSON.stringify({ mentions: [{ externalId: marker, text: `Awful service, rude staff, waited three hours, never again ${marker}`, rating: 1 }] }),
      });
      const accepted = Date.now();
      if (!res.ok || (await res.json()).accepted !== 1) throw new Error(`push ${i} failed: ${res.status}`);
      const deadline = accepted + 60_000;
      let mailAt: number | undefined;
      let hookAt: number | undefined;
      while (!(mailAt && hookAt)) {
        mailAt ??= smtp.mails.find((m) => m.raw.includes(marker))?.at;
        hookAt ??= receiver.requests.find((r) => r.body.includes(marker))?.at;
        if (Date.now() > deadline) throw new Error(`mention ${i}: no notification within 60 s (mail ${!!mailAt}, webhook ${!!hookAt})`);
        await new Promise((r) => setTimeout(r, 5));
      }
      mailMs.push(mailAt - accepted);
      hookMs.push(hookAt - accepted);
      both.push(Math.max(mailAt, hookAt) - accepted);
      console.log(`mention ${i + 1}/${MENTIONS}: e-mail ${mailAt - accepted} ms, webhook ${hookAt - accepted} ms`);
    }
    console.log(
      JSON.stringify({
        p50Ms: percentile(both, 50),
        p95Ms: percentile(both, 95),
        emailP50Ms: percentile(mailMs, 50),
        emailP95Ms: percentile(mailMs, 95),
        webhookP50Ms: percentile(hookMs, 50),
        webhookP95Ms: percentile(hookMs, 95),
        maxMs: Math.max(...both),
        mentions: MENTIONS,
        database: 'pglite',
      }),
    );
  } finally {
    await verity.close();
    await smtp.close();
    await receiver.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
