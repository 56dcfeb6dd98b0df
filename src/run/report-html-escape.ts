/**
 * Safe HTML by construction for report.html: every value interpolated into an `html` template is escaped
 * unless it is itself the result of an `html` template, so a document's text or id can never become markup.
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text escaped for HTML and SVG, in element content and in quoted attribute values alike. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Markup produced by `html` (already escaped). */
export class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

/** Markup for a value: SafeHtml as is, arrays joined, nullish and false as nothing, the rest escaped text. */
function render(v: unknown): string {
  if (v instanceof SafeHtml) return v.markup;
  if (Array.isArray(v)) return v.map(render).join('');
  if (v === undefined || v === null || v === false) return '';
  return escapeHtml(String(v));
}

/** Tagged template: the literal parts are markup, every interpolation is escaped (see render). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/** Shortens a label to `max` code points, with an ellipsis (the full text goes in a tooltip). */
export function clip(s: string, max: number): string {
  const cps = [...s];
  return cps.length <= max ? s : `${cps.slice(0, max - 1).join('')}…`;
}

/** A compact number for chart labels: 1234 → 1.2k, 2500000 → 2.5M, 0.0123 → 0.012. */
export function shortNumber(x: number): string {
  const a = Math.abs(x);
  if (a >= 1e9) return `${trim(x / 1e9)}G`;
  if (a >= 1e6) return `${trim(x / 1e6)}M`;
  if (a >= 1e3) return `${trim(x / 1e3)}k`;
  if (a >= 100 || Number.isInteger(x)) return String(Math.round(x));
  return String(Number(x.toPrecision(2)));
}

function trim(x: number): string {
  return String(Number(x.toFixed(x >= 100 ? 0 : 1)));
}
