import { describe, expect, it } from 'vitest';
import { makePermutations, signature } from '../../src/dedup/minhash-core.js';
import { MinhashSigner } from '../../src/dedup/minhash-simd.js';
import { compileMinhashWasm } from '../../src/dedup/wasm/build.js';
import { MINHASH_SIMD_WASM } from '../../src/dedup/wasm/minhash-simd-bytes.js';
import { rng as xorshift32 } from '../helpers/xorshift.js';

describe('MinhashSigner', () => {
  it('embeds exactly the bytes minhash-simd.wat compiles to (rerun node dist/dedup/wasm/build.js)', async () => {
    const bytes = await compileMinhashWasm();
    expect(Buffer.from(bytes).toString('base64')).toBe(MINHASH_SIMD_WASM);
  });

  it('runs WebAssembly SIMD on Node 20', () => {
    expect(new MinhashSigner(makePermutations(1, 16)).simd).toBe(true);
  });

  it.each([
    // [permutations, shingles]: padding (k not a multiple of 16), empty input, memory growth (n large)
    [112, 380],
    [128, 1],
    [7, 50],
    [20, 0],
    [112, 40_000],
  ])('gives the plain-JS values for %i permutations over %i shingles', (k, n) => {
    const next = xorshift32(k * 7919 + n);
    const hashes = Int32Array.from({ length: n }, () => (next() * 2 ** 32) | 0);
    const perms = makePermutations(k + n, k);
    const want = signature(hashes, n, perms, new Uint32Array(k));
    const signer = new MinhashSigner(perms);
    expect(signer.sign(hashes, n, new Uint32Array(k))).toEqual(want);
    // and again after the first call (memory reused, maybe grown)
    expect(signer.sign(hashes, n, new Uint32Array(k))).toEqual(want);
    expect(new MinhashSigner(perms, false).sign(hashes, n, new Uint32Array(k))).toEqual(want);
  });
});
