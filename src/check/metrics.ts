/**
 * Check metrics: dotted paths into a run's report.json (`documents.quarantined`,
 * `stages.<id>.drop_rate`, ...), parsed once by one grammar so that recipe validation and evaluation agree.
 * Rates are derived here (they are not stored in report.json); a rate over zero documents is 0.
 */
import { didYouMean } from '../recipe/suggest.js';

const DOCUMENT_FIELDS = [
  'read',
  'quarantined',
  'out',
  'dropped',
  'kept_rate',
  'drop_rate',
  'quarantine_rate',
];
const TOKEN_FIELDS = ['estimated_total', 'counted_docs'];
const STAGE_FIELDS = ['in', 'out', 'dropped', 'drop_rate'];
const STAGE_GROUPS = ['reasons', 'counters', 'reduce', 'metrics'];
const METRIC_STATS = ['count', 'mean', 'min', 'p50', 'p90', 'max'];
const DOMAIN_FIELDS = ['docs_in', 'docs_out', 'chars_out', 'tokens_estimated', 'kept_rate'];
const ROOTS = ['documents', 'input_bytes', 'tokens', 'stages', 'domains'];

/** A parsed metric path. */
export type Metric =
  | { kind: 'documents'; field: string }
  | { kind: 'input_bytes' }
  | { kind: 'tokens'; field: string }
  | { kind: 'stage'; id: string; field: string }
  | { kind: 'reasons' | 'counters' | 'reduce'; id: string; name: string }
  | { kind: 'metrics'; id: string; name: string; stat: string }
  | { kind: 'domain'; domain: string; field: string };

/** One line per metric path form, for help texts and messages. */
export const METRIC_FORMS = [
  `documents.{${DOCUMENT_FIELDS.join(',')}}`,
  'input_bytes',
  `tokens.{${TOKEN_FIELDS.join(',')}}`,
  `stages.<id>.{${STAGE_FIELDS.join(',')}}`,
  'stages.<id>.reasons.<reason>',
  'stages.<id>.counters.<counter>',
  'stages.<id>.reduce.<counter>',
  `stages.<id>.metrics.<name>.{${METRIC_STATS.join(',')}}`,
  `domains.<domain>.{${DOMAIN_FIELDS.join(',')}}`,
];

type Parsed = { ok: true; metric: Metric } | { ok: false; message: string };

const fail = (message: string): Parsed => ({ ok: false, message });

/** `metric "p": unknown <what> "x", did you mean "y"?`, else `metric "p": expected <what>: one of a, b, got "x"`. */
function expectedOne(path: string, what: string, got: string | undefined, options: string[]): Parsed {
  const hint = got === undefined ? '' : didYouMean(got, options);
  if (hint !== '') return fail(`metric "${path}": unknown ${what} "${got}"${hint}`);
  const shown = got === undefined ? 'nothing' : JSON.stringify(got);
  return fail(`metric "${path}": expected ${what}: one of ${options.join(', ')}, got ${shown}`);
}

/** Parses a metric path by its grammar only (stage ids and domains are not checked here). */
export function parseMetric(path: string): Parsed {
  const parts = path.split('.');
  const [root, second] = parts;
  if (parts.some((p) => p === ''))
    return fail(`metric "${path}": expected names between the dots, got an empty one`);
  switch (root) {
    case 'documents':
    case 'tokens': {
      const fields = root === 'documents' ? DOCUMENT_FIELDS : TOKEN_FIELDS;
      if (parts.length !== 2 || !fields.includes(second!))
        return expectedOne(path, `${root} field`, second, fields);
      return { ok: true, metric: { kind: root, field: second! } };
    }
    case 'input_bytes':
      return parts.length === 1
        ? { ok: true, metric: { kind: 'input_bytes' } }
        : fail(`metric "${path}": expected input_bytes alone, got names after it`);
    case 'stages':
      return parseStage(path, parts);
    case 'domains': {
      const field = parts.at(-1)!;
      if (parts.length < 3 || !DOMAIN_FIELDS.includes(field))
        return expectedOne(path, 'domain field', parts.length < 3 ? undefined : field, DOMAIN_FIELDS);
      return { ok: true, metric: { kind: 'domain', domain: parts.slice(1, -1).join('.'), field } };
    }
    default:
      return expectedOne(path, 'metric', root, ROOTS);
  }
}

function parseStage(path: string, parts: string[]): Parsed {
  const id = parts[1];
  const what = parts[2];
  if (id === undefined) return fail(`metric "${path}": expected stages.<id>.<field>, got no stage id`);
  if (parts.length === 3 && STAGE_FIELDS.includes(what!))
    return { ok: true, metric: { kind: 'stage', id, field: what! } };
  if (what === 'metrics') {
    const stat = parts.at(-1)!;
    if (parts.length < 5 || !METRIC_STATS.includes(stat))
      return expectedOne(path, 'statistic', parts.length < 5 ? undefined : stat, METRIC_STATS);
    return { ok: true, metric: { kind: 'metrics', id, name: parts.slice(3, -1).join('.'), stat } };
  }
  if (what === 'reasons' || what === 'counters' || what === 'reduce') {
    if (parts.length !== 4)
      return fail(`metric "${path}": expected stages.${id}.${what}.<name>, got ${parts.length - 3} names`);
    return { ok: true, metric: { kind: what, id, name: parts[3]! } };
  }
  return expectedOne(path, 'stage field', what, [...STAGE_FIELDS, ...STAGE_GROUPS]);
}

/** What a recipe can name: its stage ids and its domains (`inputs[i].domain`, else `input<i>`). */
export interface MetricContext {
  stageIds: string[];
  domains: string[];
}

/** Why `path` cannot name a value of a run of this recipe, or undefined when it can. */
export function metricProblem(path: string, ctx: MetricContext): string | undefined {
  const parsed = parseMetric(path);
  if (!parsed.ok) return parsed.message;
  const m = parsed.metric;
  if ('id' in m && !ctx.stageIds.includes(m.id)) {
    const hint = didYouMean(m.id, ctx.stageIds);
    return `metric "${path}": no stage with id "${m.id}" in this recipe${hint || `, expected one of ${ctx.stageIds.join(', ') || '(no stages)'}`}`;
  }
  if (m.kind === 'domain' && !ctx.domains.includes(m.domain)) {
    const hint = didYouMean(m.domain, ctx.domains);
    return `metric "${path}": no domain "${m.domain}" in this recipe${hint || `, expected one of ${ctx.domains.join(', ')}`}`;
  }
  return undefined;
}
