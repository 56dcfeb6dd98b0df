import { describe, expect, it } from 'vitest';
import { builtInSuffixRules, hostOf, parseSuffixRules, registeredDomain } from '../../src/text/domains.js';

describe('hostOf', () => {
  it.each([
    ['https://www.Example.COM/path?q=1', 'www.example.com'],
    ['http://user:pw@host.example.org:8080/x', 'host.example.org'],
    ['example.com/path/page.html', 'example.com'],
    ['//cdn.example.net/a.js', 'cdn.example.net'],
    ['https://example.com.', 'example.com'],
    ['http://[2001:db8::1]:80/', '[2001:db8::1]'],
    ['https://example.com#frag', 'example.com'],
    ['', ''],
  ])('%j → %j', (url, host) => expect(hostOf(url)).toBe(host));
});

describe('registeredDomain (built-in suffixes)', () => {
  const rules = builtInSuffixRules();
  it.each([
    ['www.example.com', 'example.com'],
    ['a.b.example.co.uk', 'example.co.uk'],
    ['news.bbc.co.uk', 'bbc.co.uk'],
    ['shop.example.com.au', 'example.com.au'],
    ['blog.example.blogspot.com', 'blogspot.com'],
    ['example.unknowntld', 'example.unknowntld'],
    ['foo.bar.ck', 'foo.bar.ck'],
    ['www.ck', 'www.ck'],
    ['co.uk', ''],
    ['com', ''],
    ['192.168.1.1', ''],
    ['[::1]', ''],
    ['localhost', ''],
    ['', ''],
  ])('%j → %j', (host, domain) => expect(registeredDomain(host, rules)).toBe(domain));

  it('a PSL file adds suffixes the built-in list lacks (comments and trailing text ignored)', () => {
    const psl =
      '// ===BEGIN ICANN DOMAINS===\n\npvt.k12.ma.us  some comment\n*.kawasaki.jp\n!city.kawasaki.jp\nаб.рф\n';
    const r = parseSuffixRules(psl, builtInSuffixRules());
    expect(registeredDomain('x.school.pvt.k12.ma.us', rules)).toBe('ma.us');
    expect(registeredDomain('x.school.pvt.k12.ma.us', r)).toBe('school.pvt.k12.ma.us');
    expect(registeredDomain('a.b.kawasaki.jp', r)).toBe('a.b.kawasaki.jp');
    expect(registeredDomain('www.city.kawasaki.jp', r)).toBe('city.kawasaki.jp');
    expect(r.exact.has('xn--80ac.xn--p1ai')).toBe(true);
  });
});
