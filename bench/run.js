// `npm run bench [-- --suite io] [--bytes 500MB] [--repeat 3]`: runs benchmark suites on generated corpora
// and records the figures in bench/results.json (the README quotes them). The scaling suites (io, filters,
// minhash) time each worker configuration `repeat` times and keep the median run.
import { runClassifier } from './classifier.js';
import { runFilterStages } from './filter-stages.js';
import { runFilters } from './filters.js';
import { runIo } from './io.js';
import { runLid } from './lid.js';
import { runLmTrain } from './lm-train.js';
import { runMinhash } from './minhash.js';
import { runPerplexity } from './perplexity.js';
import { runQuality } from './quality.js';

const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const suites = {
  io: runIo,
  filters: runFilters,
  lid: runLid,
  'filter-stages': runFilterStages,
  quality: runQuality,
  classifier: runClassifier,
  'lm-train': runLmTrain,
  minhash: runMinhash,
  perplexity: runPerplexity,
};
const only = flag('suite', undefined);
const bytes = flag('bytes', '500MB');
const repeat = Number(flag('repeat', '3'));
for (const [name, run] of Object.entries(suites)) {
  if (only && only !== name) continue;
  console.log(`bench: suite ${name} (corpus ${bytes})`);
  await run({ bytes, repeat });
}
await import('./readme.js');
