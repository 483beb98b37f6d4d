import { afterAll, beforeAll, expect, test } from 'vitest';
import { postRequest } from './post-request.ts';
import { startHttpReceiver, type HttpReceiver } from '../test-receivers.ts';

let receiver: HttpReceiver;
// The receiver listens on loopback, which only an operator's allow-list opens.
const allowReceiver = { outboundAllow: ['127.0.0.1'] };
beforeAll(async () => {
  receiver = await startHttpReceiver();
});
afterAll(async () => {
  await receiver?.close();
});

const request = (path: string) => ({ url: `${receiver.url}${path}?key=secret-key`, headers: { 'content-type': 'application/json' }, body: '{}' });

test('fails a target that does not answer in time, without naming its secret URL', async () => {
  receiver.respond.delayMs = 1000;
  try {
    const error = await postRequest(request('/slow'), { ...allowReceiver, timeoutMs: 200 }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('no answer within 0.2 s');
    expect((error as Error).message).not.toContain('secret-key');
  } finally {
    receiver.respond.delayMs = 0;
  }
});

test('fails a chat robot that answers 200 with an error code (an allow-listed internal target: its code, not its words)', async () => {
  receiver.respond.body = '{"errcode":310000,"errmsg":"sign not match"}';
  try {
    const error = (await postRequest(request('/robot'), allowReceiver).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/refused the message: 310000$/);
    expect(error.message).not.toContain('sign not match');
  } finally {
    receiver.respond.body = '{"errcode":0}';
  }
});

test('fails a target answering 500 with its status', async () => {
  receiver.respond.status = 500;
  try {
    await expect(postRequest(request('/down'), allowReceiver)).rejects.toThrow('HTTP 500');
  } finally {
    receiver.respond.status = 200;
  }
});
