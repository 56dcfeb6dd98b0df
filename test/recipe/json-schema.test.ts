import { describe, expect, it } from 'vitest';
import { recipeJsonSchema } from '../../src/recipe/json-schema.js';
import * as realRegistry from '../../src/stages/registry.js';
import { fakeRegistry } from './fake-stages.js';

type Json = Record<string, unknown>;
const at = (json: unknown, ...keys: string[]): Json =>
  keys.reduce((v, k) => (v as Json)[k] as Json, json as Json) ?? ({} as Json);

describe('recipeJsonSchema', () => {
  const schema = recipeJsonSchema(fakeRegistry());

  it('describes the top level and refuses unknown keys', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['inputs', 'output', 'stages']);
    expect(Object.keys(at(schema, 'properties'))).toEqual([
      'inputs',
      'output',
      'runtime',
      'stages',
      'checks',
    ]);
  });

  it('has one oneOf branch per stage, keyed by the stage const, with its description and options', () => {
    const branches = at(schema, 'properties', 'stages', 'items').oneOf as Json[];
    expect(branches.map((b) => at(b, 'properties', 'stage').const)).toEqual([
      'dedup-exact',
      'filter-length',
      'sample',
      'tag-domain',
    ]);
    const length = branches[1] as Json;
    expect(length.description).toBe('Drops documents with too few or too many words');
    expect(length.required).toEqual(['stage']);
    expect(length.additionalProperties).toBe(false);
    const options = at(length, 'properties', 'options');
    expect(options.additionalProperties).toBe(false);
    expect(at(options, 'properties', 'min_words')).toMatchObject({
      type: 'integer',
      default: 50,
      description: 'Gopher: 50 words (arxiv 2112.11446)',
    });
  });

  it('shows byte sizes as a number or a size string, with the default as written', () => {
    const part = at(schema, 'properties', 'output', 'properties', 'target_part_bytes');
    expect(part.default).toBe('256MB');
    const string = (part.anyOf as Json[]).find((b) => b.type === 'string') as Json;
    const pattern = new RegExp(string.pattern as string);
    for (const ok of ['256MB', '1.5 GiB', '64kb', '1048576']) expect(pattern.test(ok)).toBe(true);
    for (const bad of ['256M', 'lots']) expect(pattern.test(bad)).toBe(false);
  });

  it('does not publish this machine core count as the workers default', () => {
    const workers = at(schema, 'properties', 'runtime', 'properties', 'workers');
    expect(workers.default).toBeUndefined();
    expect(workers.type).toBe('integer');
  });

  it('falls back to a generic stage item with no stages registered', () => {
    const empty = recipeJsonSchema(fakeRegistry([]));
    const item = at(empty, 'properties', 'stages', 'items');
    expect(item.oneOf).toBeUndefined();
    expect(at(item, 'properties', 'stage').type).toBe('string');
  });

  it('covers every stage in the real registry', () => {
    const real = recipeJsonSchema();
    const item = at(real, 'properties', 'stages', 'items');
    const names = realRegistry.stageNames();
    const consts = ((item.oneOf as Json[] | undefined) ?? []).map((b) => at(b, 'properties', 'stage').const);
    expect(consts).toEqual(names);
    expect(() => JSON.stringify(real)).not.toThrow();
  });
});
