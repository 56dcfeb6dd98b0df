/**
 * Host and registered-domain extraction without a network. The reference (DataTrove's URLFilter) uses
 * tldextract with the full Public Suffix List (publicsuffix.org, MPL-2.0), ICANN section only. datamill
 * ships a small list of common multi-label ICANN suffixes instead and applies the PSL default rule `*`
 * (any last label is a suffix), so `a.b.example.co.uk` → `example.co.uk` but a suffix missing from the
 * built-in list (e.g. `pvt.k12.ma.us`) yields one label too few. Pass a PSL file for exact results.
 */
import { domainToASCII } from 'node:url';

/** Public-suffix rules: plain suffixes, wildcard parents (`*.ck` → `ck`), exceptions (`!www.ck`). */
export interface SuffixRules {
  exact: Set<string>;
  wildcard: Set<string>;
  exception: Set<string>;
}

/** Common multi-label ICANN suffixes (a subset of the PSL ICANN section), plus its wildcard rules. */
const BUILT_IN = `
ac.uk co.uk gov.uk ltd.uk me.uk net.uk nhs.uk org.uk plc.uk police.uk sch.uk
asn.au com.au edu.au gov.au id.au net.au org.au
ac.nz co.nz geek.nz gen.nz govt.nz iwi.nz maori.nz net.nz org.nz school.nz
ac.jp ad.jp co.jp ed.jp go.jp gr.jp lg.jp ne.jp or.jp
ac.kr co.kr go.kr ne.kr or.kr re.kr
com.br edu.br gov.br net.br org.br
ac.cn com.cn edu.cn gov.cn net.cn org.cn
com.tw edu.tw gov.tw idv.tw net.tw org.tw
com.hk edu.hk gov.hk idv.hk net.hk org.hk
com.sg edu.sg gov.sg net.sg org.sg com.my edu.my gov.my net.my org.my
ac.in co.in edu.in firm.in gen.in gov.in ind.in net.in org.in res.in
ac.za co.za gov.za net.za org.za web.za
com.mx edu.mx gob.mx net.mx org.mx com.ar gob.ar com.co edu.co gov.co com.pe com.ve com.ec com.uy com.py
ac.il co.il gov.il net.il org.il com.tr edu.tr gen.tr gov.tr k12.tr net.tr org.tr
com.ua in.ua kiev.ua net.ua org.ua com.pl net.pl org.pl
ac.id co.id go.id or.id web.id com.vn edu.vn gov.vn net.vn org.vn ac.th co.th go.th in.th or.th
com.ph com.pk com.ng com.eg com.sa com.gr com.es nom.es org.es com.pt ac.at co.at gv.at or.at
com.cy com.mt com.np com.bd com.lb com.kw com.qa com.om ac.ir co.ir
*.bd *.ck !www.ck *.er *.fk *.kh *.mm *.np *.pg
`;

/**
 * Parses Public Suffix List text (https://publicsuffix.org/list/): one rule per line, read up to the first
 * whitespace; `//` comments and blank lines skipped. Adds to `into` when given.
 */
export function parseSuffixRules(text: string, into?: SuffixRules): SuffixRules {
  const rules = into ?? {
    exact: new Set<string>(),
    wildcard: new Set<string>(),
    exception: new Set<string>(),
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('//')) continue;
    const rule = line.split(/\s/)[0]!.toLowerCase();
    if (rule.startsWith('!')) addBoth(rules.exception, rule.slice(1));
    else if (rule.startsWith('*.')) addBoth(rules.wildcard, rule.slice(2));
    else addBoth(rules.exact, rule);
  }
  return rules;
}

/** Adds a rule in Unicode and in punycode form (URLs carry hosts as punycode; the PSL as Unicode). */
function addBoth(set: Set<string>, rule: string): void {
  set.add(rule);
  const ascii = /^[\x00-\x7f]*$/.test(rule) ? rule : domainToASCII(rule);
  if (ascii !== '') set.add(ascii);
}

/** The built-in rules (fresh object; callers may extend it with a PSL file). */
export function builtInSuffixRules(): SuffixRules {
  return parseSuffixRules(BUILT_IN.trim().split(/\s+/).join('\n'));
}

/**
 * Lowercased host of `url` without scheme, userinfo, port or trailing dot ('' when there is none). Does not
 * validate; accepts `example.com/path` without a scheme. IPv6 hosts keep their brackets.
 */
export function hostOf(url: string): string {
  let start = 0;
  const scheme = url.indexOf('://');
  if (scheme >= 0 && /^[a-zA-Z][a-zA-Z0-9+.-]*$/.test(url.slice(0, scheme))) start = scheme + 3;
  else if (url.startsWith('//')) start = 2;
  let end = url.length;
  for (let i = start; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c === 0x2f || c === 0x3f || c === 0x23 || c === 0x5c) {
      end = i;
      break;
    }
  }
  let host = url.slice(start, end);
  const at = host.lastIndexOf('@');
  if (at >= 0) host = host.slice(at + 1);
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    return close > 0 ? host.slice(0, close + 1).toLowerCase() : host.toLowerCase();
  }
  const colon = host.indexOf(':');
  if (colon >= 0) host = host.slice(0, colon);
  while (host.endsWith('.')) host = host.slice(0, -1);
  return host.toLowerCase();
}

/**
 * Number of trailing labels of `host` that form the public suffix (PSL algorithm; default rule `*`);
 * `starts[i]` is where label i begins, so the suffix from label i is `host.slice(starts[i])`.
 */
function suffixLabels(host: string, starts: number[], rules: SuffixRules): number {
  const n = starts.length;
  for (let i = 0; i < n; i++) {
    const candidate = host.slice(starts[i]);
    if (rules.exception.has(candidate)) return n - i - 1;
    if (rules.exact.has(candidate)) return n - i;
    if (i + 1 < n && rules.wildcard.has(host.slice(starts[i + 1]))) return n - i;
  }
  return 1;
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * Registered domain of `host` (public suffix + one label: `www.bbc.co.uk` → `bbc.co.uk`), or '' when the
 * host is empty, an IP address, or itself a public suffix (tldextract returns '' in those cases too).
 */
export function registeredDomain(host: string, rules: SuffixRules): string {
  if (host === '' || host.startsWith('[') || IPV4.test(host)) return '';
  // An empty label (a leading, trailing or doubled dot) has no domain.
  if (host.startsWith('.') || host.endsWith('.') || host.includes('..')) return '';
  const starts = [0];
  for (let k = host.indexOf('.'); k >= 0; k = host.indexOf('.', k + 1)) starts.push(k + 1);
  const n = suffixLabels(host, starts, rules);
  if (n >= starts.length) return '';
  return host.slice(starts[starts.length - n - 1]);
}
