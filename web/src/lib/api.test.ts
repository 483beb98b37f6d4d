import { afterEach, describe, expect, test, vi } from 'vitest';
import { api, ApiError, setApiLanguage, withQuery } from './api.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  setApiLanguage('en');
});

function answer(status: number, body: unknown) {
  const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('api', () => {
  test('asks the server to answer in the UI language', async () => {
    const fetch = answer(200, { ok: true });
    setApiLanguage('zh-CN');
    await api('/api/health');
    const headers = fetch.mock.calls[0]![1].headers as Record<string, string>;
    expect(headers['accept-language']).toBe('zh-CN');
  });

  test("keeps the server's message (already in that language) and its details on a refusal", async () => {
    answer(400, { error: { code: 'bad_request', message: 'Укажите причину', details: { reason: 'cases.root_cause_required' } } });
    setApiLanguage('ru');
    const error = await api('/api/cases/1/close').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'bad_request', message: 'Укажите причину', details: { reason: 'cases.root_cause_required' } });
  });

  test('leaves empty query values out of the address', () => {
    expect(withQuery('/api/mentions', { q: 'wait', lang: '', cursor: null, limit: 30 })).toBe('/api/mentions?q=wait&limit=30');
  });
});
