import { describe, expect, test } from 'vitest';
import { httpLink, parseFeed } from './parse-feed.ts';

describe('a hostile feed: links that are not http(s) are never stored as a mention URL', () => {
  test('RSS items with javascript:, data: and vbscript: links keep their text, lose the link; an https link stays', () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>
      <item><title>one</title><description>&lt;img src=x onerror=alert(1)&gt;Wait was long</description><link>javascript:window.__pwned('rss-link')</link></item>
      <item><title>two</title><description>Rude nurse</description><link> JaVaScRiPt:alert(1)</link></item>
      <item><title>three</title><description>Dirty room</description><link>data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;</link></item>
      <item><title>four</title><description>Cold tea</description><link>vbscript:msgbox(1)</link></item>
      <item><title>five</title><description>Kind doctor</description><link>https://news.example/a?b=1</link></item>
    </channel></rss>`;
    const items = parseFeed(xml);
    expect(items.map((i) => i.mention.url)).toEqual([null, null, null, null, 'https://news.example/a?b=1']);
    // The markup of the description is stripped to words, never kept as markup.
    expect(items[0]!.mention.text).not.toMatch(/<img|onerror=/i);
  });

  test('Atom entries: the same rule for an alternate link', () => {
    const xml = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>
      <entry><id>1</id><title>t</title><summary>Long wait</summary><link rel="alternate" href="javascript:window.__pwned('atom')"/></entry>
      <entry><id>2</id><title>t</title><summary>Good care</summary><link href="http://news.example/2"/></entry>
    </feed>`;
    expect(parseFeed(xml).map((i) => i.mention.url)).toEqual([null, 'http://news.example/2']);
  });

  test('httpLink accepts http and https only', () => {
    expect(httpLink('https://a.example/')).toBe('https://a.example/');
    expect(httpLink('javascript:alert(1)')).toBeNull();
    expect(httpLink('//a.example/')).toBeNull();
    expect(httpLink('')).toBeNull();
  });
});
