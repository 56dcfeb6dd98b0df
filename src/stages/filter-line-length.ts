import { z } from '../core/schema.js';
import { analyze } from '../text/analysis.js';
import { cpLength } from '../text/python.js';
import { bound, checkMinMax, keepStats, optionalBound, statProcessor } from './_stat-filter.js';
import { defineStage } from './define.js';

const SRC =
  'Data-Juicer average_line_length_filter / maximum_line_length_filter ' +
  '(data_juicer/ops/filter/average_line_length_filter.py, maximum_line_length_filter.py)';
const STAT = 'avg_line_length or max_line_length';

const options = z
  .strictObject({
    statistic: z
      .enum(['avg', 'max'])
      .default('avg')
      .describe(
        "Which line length: 'avg' = DJ avg_line_length, len(text) / len(text.splitlines()) (newlines " +
          "included in len(text)); 'max' = DJ max_line_length, the longest of text.splitlines(). Default avg.",
      ),
    min: bound({ side: 'min', stat: STAT, int: false, source: `Default 10: ${SRC} min_len.` }, 10),
    max: optionalBound({
      side: 'max',
      stat: STAT,
      source: `${SRC} max_len defaults to sys.maxsize, i.e. no bound.`,
    }),
    keep_stats: keepStats(STAT),
  })
  .superRefine(checkMinMax);

/** DJ `avg_line_length`: code points of the whole text / Python splitlines count; 0 without lines. */
export function avgLineLength(length: number, lines: readonly string[]): number {
  return lines.length === 0 ? 0 : length / lines.length;
}

/** DJ `max_line_length`: the longest Python splitlines line in code points; 0 without lines. */
export function maxLineLength(lines: readonly string[]): number {
  let max = 0;
  for (const line of lines) {
    // A line's code points are at most its code units: skip the count when it cannot win.
    if (line.length > max) max = Math.max(max, cpLength(line));
  }
  return max;
}

export default defineStage({
  name: 'filter-line-length',
  kind: 'map',
  description:
    "Data-Juicer's average_line_length_filter (statistic: avg) or maximum_line_length_filter (statistic: " +
    'max), in code points over Python str.splitlines(). Drops <stat>_below_min / <stat>_above_max with ' +
    'stat avg_line_length or max_line_length; observes that statistic.',
  options,
  preservesRow: () => true,
  create(o) {
    if (o.statistic === 'avg') {
      return statProcessor('avg_line_length', o, (doc) => {
        const a = analyze(doc);
        return avgLineLength(a.length, a.lines);
      });
    }
    return statProcessor('max_line_length', o, (doc) => maxLineLength(analyze(doc).lines));
  },
});
