/**
 * "Nothing in report.md is missing from report.html": every table cell, list item, paragraph, reduce heading
 * and JSON block of the markdown must appear in the html's text (tags stripped, entities decoded, whitespace
 * folded). Section titles that are layout, not content, are exempt.
 */

const LAYOUT_HEADINGS = new Set(['Stages', 'Stage counters', 'Domains']);

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** The text a reader sees: no tags (inline ones join their text), no <style>/<title>, entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<title>[\s\S]*?<\/title>/g, ' ')
    .replace(/<\/?(b|a|span)( [^>]*)?>/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!)
    .replace(/\s+/g, ' ');
}

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The text a markdown reader sees of an escaped piece (src/run/report-md-escape.ts): escapes undone. */
const unescapeMd = (s: string) =>
  s.replace(/\\([\\`*[\]|])/g, '$1').replace(/&(amp|lt|gt);/g, (e) => ENTITIES[e]!);

/** The pieces of report.md a reader could look for; each must be found in the html text. */
export function markdownPieces(md: string): string[] {
  const pieces: string[] = [];
  let json = false;
  for (const line of md.split('\n')) {
    if (line.startsWith('```')) {
      json = !json && line === '```json';
      continue;
    }
    if (json) pieces.push(`json:${line}`);
    else if (/^\|[-:| ]+\|$/.test(line)) continue;
    // Raw HTML lines (<details>, <summary>) are layout: report.html has its own.
    else if (line.startsWith('<')) continue;
    else if (line.startsWith('|')) pieces.push(...cells(line));
    else if (line.startsWith('#')) {
      const title = line.replace(/^#+ /, '');
      if (!LAYOUT_HEADINGS.has(title)) pieces.push(title);
    } else if (line.startsWith('- ')) pieces.push(...listItem(line.slice(2)));
    else if (line.trim()) pieces.push(line);
  }
  return pieces.map((p) => (p.startsWith('json:') ? p : fold(unescapeMd(p)))).filter(Boolean);
}

function cells(row: string): string[] {
  return row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

/** `id: k 1, k2 2` or `k: 1`: the name and each `key value` pair. */
function listItem(item: string): string[] {
  const at = item.indexOf(': ');
  if (at < 0) return [item];
  return [
    item.slice(0, at),
    ...item
      .slice(at + 2)
      .split(', ')
      .flatMap((kv) => kv.split(/ (?=[\d,.]+$)/)),
  ];
}

/** The pieces of `md` not found in `html` (empty when the html shows everything). */
export function missingFromHtml(md: string, html: string): string[] {
  const text = htmlText(html);
  const squeezed = text.replace(/\s/g, '');
  return markdownPieces(md).filter((p) =>
    p.startsWith('json:') ? !squeezed.includes(p.slice(5).replace(/\s/g, '')) : !text.includes(p),
  );
}
