/** `datamill classifier train` and `datamill classifier eval`: the quality classifier's commands. */
import { stat } from 'node:fs/promises';
import { crossValidate } from '../classify/cv.js';
import { type ExampleSource, loadExamples, splitSide } from '../classify/data.js';
import { FeatureBuffer, MAX_WORD_NGRAMS, type TokenMode } from '../classify/features.js';
import { type EvalReport, evaluate } from '../classify/metrics.js';
import type { ModelConfig, Norm } from '../classify/model.js';
import { score } from '../classify/model.js';
import { loadModel, saveModel } from '../classify/model-file.js';
import { trainModel } from '../classify/train.js';
import { usageError } from '../errors.js';

interface SourceFlags {
  pos?: string[];
  neg?: string[];
  textField?: string;
  labelField?: string;
  positive?: string;
  holdout: number;
  seed: number;
  json?: boolean;
}

export interface TrainFlags extends SourceFlags {
  out: string;
  epochs: number;
  lr: number;
  l2: number;
  dim: number;
  bucketBits: number;
  wordNgrams: number;
  tokens: TokenMode;
  norm: Norm;
  newlineToken: boolean;
  cv?: number;
}

export interface EvalFlags extends SourceFlags {
  model: string;
  threshold: number;
}

const warn = (m: string) => process.stderr.write(`datamill: warning: ${m}\n`);

function source(files: string[], f: SourceFlags, fallback?: Partial<ExampleSource>): ExampleSource {
  return {
    files,
    pos: f.pos ?? [],
    neg: f.neg ?? [],
    text_field: f.textField ?? fallback?.text_field ?? 'text',
    label_field: f.labelField ?? fallback?.label_field ?? null,
    positive: f.positive ?? fallback?.positive ?? null,
  };
}

/** `classifier train`: reads examples, keeps the training side of the split, trains, writes the model. */
export async function classifierTrainCommand(files: string[], f: TrainFlags): Promise<void> {
  const src = source(files, f);
  if (f.holdout >= 1) throw usageError(`--holdout must be below 1, got ${f.holdout}`);
  if (f.wordNgrams > MAX_WORD_NGRAMS)
    throw usageError(`--word-ngrams must be 1..${MAX_WORD_NGRAMS}, got ${f.wordNgrams}`);
  if (f.bucketBits > 28) throw usageError(`--bucket-bits must be 1..28, got ${f.bucketBits}`);
  const all = await loadExamples(src, warn);
  const examples = splitSide(all, f.holdout, f.seed, 'train');
  if (examples.length === 0) throw usageError('no training examples left after the hold-out split');
  const config: ModelConfig = {
    tokens: f.tokens,
    word_ngrams: f.wordNgrams,
    bucket_bits: f.bucketBits,
    newline_token: f.newlineToken,
    norm: f.norm,
  };
  const sgd = { config, epochs: f.epochs, lr: f.lr, l2: f.l2, dim: f.dim, seed: f.seed };
  const cv = f.cv === undefined ? undefined : crossValidate(examples, sgd, f.cv);
  const t0 = performance.now();
  const model = trainModel(examples, sgd, {
    text_field: src.text_field,
    label_field: src.label_field,
    positive: src.positive,
    holdout: f.holdout,
  });
  const train_ms = Math.round(performance.now() - t0);
  await saveModel(model, f.out);
  const summary = {
    model: f.out,
    bytes: (await stat(f.out)).size,
    docs: model.training.docs,
    positives: model.training.positives,
    held_out: all.length - examples.length,
    train_ms,
    ...(cv === undefined ? {} : { cv_folds: f.cv, cv_fold_auc: cv.fold_auc, cv_mean_auc: cv.mean_auc }),
  };
  if (f.json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  const lines = [
    `trained on ${summary.docs} documents (${summary.positives} positive; ${summary.held_out} held out) in ${train_ms} ms`,
    `model: ${f.out} (${summary.bytes} bytes)`,
  ];
  if (cv !== undefined)
    lines.push(
      `cross-validation (${f.cv} folds of the training side): mean ROC AUC ${cv.mean_auc.toFixed(4)} ` +
        `(folds ${cv.fold_auc.map((a) => a.toFixed(3)).join(' ')})`,
    );
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** `classifier eval`: scores the hold-out side (or every example) and prints threshold metrics and ROC AUC. */
export async function classifierEvalCommand(files: string[], f: EvalFlags): Promise<EvalReport> {
  const model = await loadModel(f.model);
  // Label and text fields default to the ones the model was trained with.
  const src = source(files, f, model.training);
  const all = await loadExamples(src, warn);
  const examples = splitSide(all, f.holdout, f.seed, 'holdout');
  if (examples.length === 0) throw usageError('no examples to evaluate after the hold-out split');
  const buf = new FeatureBuffer();
  const scores = examples.map((e) => score(model, e.text, buf));
  const report = evaluate(
    scores,
    examples.map((e) => e.y),
    f.threshold,
  );
  if (f.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else process.stdout.write(formatReport(report));
  return report;
}

function formatReport(r: EvalReport): string {
  const p = (x: number) => x.toFixed(4);
  return [
    `documents ${r.docs} (${r.positives} positive, ${r.negatives} negative)`,
    `threshold ${r.threshold}: accuracy ${p(r.accuracy)}  precision ${p(r.precision)}  recall ${p(r.recall)}  F1 ${p(r.f1)}`,
    `  true positives ${r.true_positives}  false positives ${r.false_positives}  true negatives ${r.true_negatives}  false negatives ${r.false_negatives}`,
    `ROC AUC ${p(r.roc_auc)}`,
    '',
  ].join('\n');
}
