import { expect, test } from 'vitest';
import { html, renderPublicPage, trusted } from './public-page.ts';

test('html escapes every value, keeps nested html, and prints nothing for null, undefined and false', () => {
  const name = '<script>alert("x")</script>';
  const out = html`<p title="${name}">${name}${html`<b>${"O'Neil & co"}</b>`}${null}${undefined}${false}${[html`<i>1</i>`, 2]}</p>`;
  expect(out.__html).toBe('<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<b>O&#39;Neil &amp; co</b><i>1</i>2</p>');
});

test('a public page names its language, escapes the title and offers the other languages', () => {
  const page = renderPublicPage({ locale: 'ru', title: 'Опрос <1>', orgName: 'Клиника', body: trusted('<p>x</p>'), languageSwitchUrl: '/s/abc' });
  expect(page).toContain('<html lang="ru">');
  expect(page).toContain('<title>Опрос &lt;1&gt;</title>');
  expect(page).toContain('href="/s/abc?lang=en"');
  expect(page).toContain('href="/s/abc?lang=zh-CN"');
  expect(page).not.toContain('<script');
  expect(Buffer.byteLength(page)).toBeLessThan(8 * 1024);
});
