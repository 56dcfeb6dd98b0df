import { describe, expect, it } from 'vitest';
import { SharedBuffer, WriteBuffers } from '../../src/io/write-buffers.js';

describe('WriteBuffers', () => {
  it.each([
    [1, 1 << 20],
    [1 << 20, 1 << 20],
    [(1 << 20) + 1, 2 << 20],
    [5_000_000, 8 << 20],
  ])('acquire(%i) allocates a power-of-two buffer of %i bytes, at least 1 MiB', (bytes, size) => {
    expect(new WriteBuffers().acquire(bytes).length).toBe(size);
  });

  it('reuses a released buffer that is large enough, and only after release', () => {
    const pool = new WriteBuffers();
    const a = pool.acquire(100);
    const b = pool.acquire(100);
    expect(b).not.toBe(a);
    pool.release(a);
    expect(pool.acquire(3 << 20)).not.toBe(a); // too small for this request
    expect(pool.acquire(200)).toBe(a);
    expect(pool.acquire(200)).not.toBe(a); // handed out again only once
  });

  it('keeps at most 8 free buffers', () => {
    const pool = new WriteBuffers();
    const bufs = Array.from({ length: 10 }, () => pool.acquire(1));
    for (const b of bufs) pool.release(b);
    const again = new Set(Array.from({ length: 10 }, () => pool.acquire(1)));
    expect(bufs.filter((b) => again.has(b))).toHaveLength(8);
  });
});

describe('SharedBuffer', () => {
  it('returns the buffer to the pool when the encoder and every write are done, in any order', () => {
    for (const order of [
      ['done', 'w1', 'w2'],
      ['w2', 'done', 'w1'],
      ['w1', 'w2', 'done'],
    ]) {
      const pool = new WriteBuffers();
      const shared = new SharedBuffer(pool.acquire(1), pool);
      const holds: Record<string, () => void> = {
        w1: shared.hold(),
        w2: shared.hold(),
        done: () => shared.done(),
      };
      for (const [i, step] of order.entries()) {
        holds[step]!();
        const reused = pool.acquire(1) === shared.buf;
        expect(reused, `${order.join(',')} after ${step}`).toBe(i === order.length - 1);
      }
    }
  });
});
