import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Generational, GenerationCache } from './search-cache.ts';

/** A computation the test resolves by hand, counting how often it was started. */
function controlled<V>() {
  let started = 0;
  let settle: { resolve: (v: Generational<V>) => void; reject: (e: Error) => void } | undefined;
  const make = () => {
    started++;
    return new Promise<Generational<V>>((resolve, reject) => {
      settle = { resolve, reject };
    });
  };
  return { make, started: () => started, settle: () => settle as NonNullable<typeof settle> };
}

describe('GenerationCache', () => {
  it('computes once for concurrent requests of one key and generation, and reuses the value', async () => {
    const cache = new GenerationCache<{ n: number }>(10);
    const c = controlled<{ n: number }>();
    const a = cache.get('5', 'k', c.make);
    const b = cache.get('5', 'k', c.make);
    c.settle().resolve({ generation: '5', value: { n: 1 } });
    assert.equal(await a, await b);
    assert.equal(await cache.get('5', 'k', c.make), await a);
    assert.equal(c.started(), 1);
  });

  it('a new generation or another key is computed afresh', async () => {
    const cache = new GenerationCache<{ n: number }>(10);
    let n = 0;
    const make = (generation: string) => async () => ({ generation, value: { n: ++n } });
    assert.equal((await cache.get('1', 'k', make('1'))).n, 1);
    assert.equal((await cache.get('2', 'k', make('2'))).n, 2);
    assert.equal((await cache.get('2', 'j', make('2'))).n, 3);
    assert.equal((await cache.get('2', 'k', make('2'))).n, 2);
  });

  it('a result exact for a later generation is kept under that one only', async () => {
    const cache = new GenerationCache<{ n: number }>(10);
    await cache.get('1', 'k', async () => ({ generation: '2', value: { n: 2 } }));
    await new Promise((r) => setImmediate(r));
    let made = 0;
    const again = async () => ({ generation: '1', value: { n: ++made } });
    assert.equal((await cache.get('2', 'k', again)).n, 2, 'kept under generation 2');
    assert.equal((await cache.get('1', 'k', again)).n, 1, 'not under generation 1');
  });

  it('a failure or a result of unknown generation is not kept', async () => {
    const cache = new GenerationCache<{ n: number }>(10);
    await assert.rejects(
      cache.get('1', 'k', async () => {
        throw new Error('database down');
      }),
    );
    await new Promise((r) => setImmediate(r));
    assert.equal(cache.size, 0);
    await cache.get('1', 'j', async () => ({ generation: undefined, value: { n: 1 } }));
    await new Promise((r) => setImmediate(r));
    assert.equal(cache.size, 0);
    assert.equal((await cache.get('1', 'k', async () => ({ generation: '1', value: { n: 7 } }))).n, 7);
  });
});
