import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dcg, ndcg } from './ndcg.ts';

describe('NDCG@k', () => {
  const grades = new Map([
    ['a', 2],
    ['b', 1],
    ['c', 0],
  ]);
  const cases: { name: string; ranked: string[]; k: number; want: number }[] = [
    { name: 'the ideal order', ranked: ['a', 'b', 'c'], k: 10, want: 1 },
    // DCG = 1/log2(2) + 3/log2(3) = 1 + 1.8928; IDCG = 3 + 1/log2(3) = 3.6309
    { name: 'swapped', ranked: ['b', 'a'], k: 10, want: (1 + 3 / Math.log2(3)) / (3 + 1 / Math.log2(3)) },
    { name: 'nothing relevant found', ranked: ['c', 'x'], k: 10, want: 0 },
    { name: 'only the first k count', ranked: ['c', 'a'], k: 1, want: 0 },
    { name: 'a missing relevant posting costs', ranked: ['a'], k: 10, want: 3 / (3 + 1 / Math.log2(3)) },
  ];
  for (const c of cases) it(c.name, () => assert.ok(Math.abs(ndcg(c.ranked, grades, c.k) - c.want) < 1e-9));
  it('is 1 when nothing is judged relevant', () => assert.equal(ndcg(['x'], new Map(), 10), 1));
  it('DCG discounts by log2(rank + 1)', () => assert.equal(dcg([1, 1], 10), 1 + 1 / Math.log2(3)));
});
