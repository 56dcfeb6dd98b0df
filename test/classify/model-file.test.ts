import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/classify/defaults.js';
import type { QualityModel } from '../../src/classify/model.js';
import { decodeModel, encodeModel, loadModel, saveModel } from '../../src/classify/model-file.js';
import { tempDir } from '../e2e/cli.js';

function tiny(): QualityModel {
  const weights = new Float32Array(1 << 8);
  weights[3] = 0.5;
  weights[200] = -1.25;
  return {
    config: { ...DEFAULT_CONFIG, bucket_bits: 8 },
    weights,
    bias: Math.fround(0.1),
    training: {
      text_field: 'text',
      label_field: 'label',
      positive: null,
      seed: 1,
      holdout: 0.3,
      epochs: 5,
      lr: 0.5,
      l2: 0,
      dim: 0,
      docs: 2,
      positives: 1,
    },
  };
}

function corrupt(edit: (b: Buffer) => Buffer): Buffer {
  return edit(Buffer.from(encodeModel(tiny())));
}

describe('model file', () => {
  it('stores only non-zero weights and reads them back', () => {
    const bytes = encodeModel(tiny());
    expect(Buffer.from(bytes).toString('latin1', 0, 4)).toBe('DMQC');
    const back = decodeModel(bytes, 'm');
    expect(back.weights[3]).toBe(0.5);
    expect(back.weights[200]).toBe(-1.25);
    expect(back.weights.reduce((n, w) => n + (w !== 0 ? 1 : 0), 0)).toBe(2);
    expect(back.bias).toBe(Math.fround(0.1));
  });

  it.each<[string, (b: Buffer) => Buffer, RegExp]>([
    ['bad magic', (b) => Buffer.concat([Buffer.from('XXXX'), b.subarray(4)]), /bad magic bytes/],
    [
      'newer version',
      (b) => {
        b.writeUInt32LE(9, 4);
        return b;
      },
      /format version 9/,
    ],
    ['truncated weights', (b) => b.subarray(0, b.length - 3), /does not match 2 weights/],
    ['truncated header', (b) => b.subarray(0, 20), /truncated header/],
    ['empty file', () => Buffer.alloc(0), /bad magic bytes/],
  ])('rejects a file with %s, naming the file', (_name, edit, message) => {
    expect(() => decodeModel(corrupt(edit), 'models/q.dmqc')).toThrow(message);
    expect(() => decodeModel(corrupt(edit), 'models/q.dmqc')).toThrow(/^models\/q\.dmqc: not a valid/);
  });

  it('saves atomically and loads; a missing file is input_missing naming it', async () => {
    const dir = tempDir('clsfile');
    const file = path.join(dir, 'q.dmqc');
    await saveModel(tiny(), file);
    expect((await loadModel(file)).weights[3]).toBe(0.5);
    await expect(loadModel(path.join(dir, 'nope.dmqc'))).rejects.toMatchObject({
      code: 'input_missing',
      message: expect.stringContaining('nope.dmqc'),
    });
    writeFileSync(path.join(dir, 'text.dmqc'), 'hello');
    await expect(loadModel(path.join(dir, 'text.dmqc'))).rejects.toMatchObject({ code: 'input_format' });
  });
});
