/**
 * Text from the data (ids, reasons, lines, sampled documents) placed into report.md. GitHub renders the
 * file as Markdown with raw HTML allowed, so such text must neither end a table cell nor open a tag.
 */

const BACKSLASHED = /[\\`*[\]|]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * `s` as literal Markdown text on one line: `\` `` ` `` `*` `[` `]` `|` backslash-escaped (no code span,
 * emphasis, link, or cell end), `&` `<` `>` as entities (no HTML), line breaks as spaces (no new row).
 */
export function mdEscape(s: string): string {
  return s
    .replace(BACKSLASHED, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => ENTITIES[c]!)
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}

/** A table cell: `x` as text (see mdEscape), cut to `max` code points with '…' first. */
export function mdCell(x: unknown, max = Number.POSITIVE_INFINITY): string {
  const s = String(x);
  const cps = s.length > max ? [...s] : undefined;
  return mdEscape(cps && cps.length > max ? `${cps.slice(0, max - 1).join('')}…` : s);
}
