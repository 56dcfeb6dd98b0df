/**
 * A strict reader for the XML subset JUnit output uses (prolog, elements, double-quoted attributes, text,
 * the five entities and character references): it throws on anything not well-formed, so a test can
 * check renderJunit's output without an XML library, and returns the tree with entities decoded.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// XML 1.0 §2.2 Char, as code points (surrogates were paired by the string iteration below).
const isXmlChar = (c: number) =>
  c === 0x9 ||
  c === 0xa ||
  c === 0xd ||
  (c >= 0x20 && c <= 0xd7ff) ||
  (c >= 0xe000 && c <= 0xfffd) ||
  c >= 0x10000;

function decode(s: string, where: string): string {
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (!isXmlChar(c)) throw new Error(`${where}: character U+${c.toString(16)} is not allowed in XML`);
  }
  if (/[<]/.test(s)) throw new Error(`${where}: raw < in text or attribute`);
  return s.replace(/&([^;]*);?/g, (m, name: string) => {
    if (!m.endsWith(';')) throw new Error(`${where}: unterminated reference ${m}`);
    if (name in ENTITY) return ENTITY[name]!;
    const num = /^#(\d+)$/.exec(name) ?? /^#x([0-9a-fA-F]+)$/.exec(name);
    if (num) return String.fromCodePoint(Number.parseInt(num[1]!, name.startsWith('#x') ? 16 : 10));
    throw new Error(`${where}: unknown entity ${m}`);
  });
}

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*="[^"]*")*)\s*(\/?)>/y;
const ATTR = /([A-Za-z_][\w.:-]*)="([^"]*)"/g;

/** Parses `xml` (one root element after an optional `<?xml ...?>` prolog); throws when not well-formed. */
export function parseXml(xml: string): XmlElement {
  let i = 0;
  const prolog = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n?/.exec(xml);
  if (prolog) i = prolog[0].length;
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack = [root];
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    const top = stack.at(-1)!;
    if (stack.length === 1 && text.trim() !== '') throw new Error(`text outside the root element: ${text}`);
    top.text += decode(text, `text in <${top.name}>`);
    if (lt === -1) break;
    TAG.lastIndex = lt;
    const m = TAG.exec(xml);
    if (!m) throw new Error(`malformed tag at offset ${lt}: ${xml.slice(lt, lt + 40)}`);
    const [, close, name, attrText, selfClose] = m;
    i = TAG.lastIndex;
    if (close) {
      if (top.name !== name || attrText || selfClose) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText!.matchAll(ATTR)) {
      if (a[1]! in attrs) throw new Error(`duplicate attribute ${a[1]} on <${name}>`);
      attrs[a[1]!] = decode(a[2]!, `attribute ${a[1]} of <${name}>`);
    }
    const el: XmlElement = { name: name!, attrs, children: [], text: '' };
    if (stack.length === 1 && root.children.length > 0) throw new Error('a second root element');
    top.children.push(el);
    if (!selfClose) stack.push(el);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack.at(-1)!.name}>`);
  if (root.children.length !== 1) throw new Error('expected one root element');
  return root.children[0]!;
}
