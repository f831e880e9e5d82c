import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Facet, rollUp } from './facets.ts';

describe('facet counts roll up to the codes the filters offer', () => {
  const cases: { name: string; facet: Facet; rows: { code: string; n: number }[]; want: Record<string, number> }[] = [
    {
      name: '시군구 count for their 시도',
      facet: 'region',
      rows: [
        { code: '11680', n: 3 },
        { code: '11110', n: 2 },
        { code: '41461', n: 1 },
      ],
      want: { '11680': 3, '11110': 2, '11000': 5, '41461': 1, '41000': 1 },
    },
    {
      name: 'a 시도-level code (세종) counts once',
      facet: 'region',
      rows: [{ code: '36000', n: 4 }],
      want: { '36000': 4 },
    },
    {
      name: 'KECO 소분류 count for their 중분류 and 대분류',
      facet: 'occupation',
      rows: [
        { code: '133', n: 5 },
        { code: '134', n: 1 },
        { code: '027', n: 2 },
      ],
      want: { '133': 5, '134': 1, '13': 6, '1': 6, '027': 2, '02': 2, '0': 2 },
    },
    {
      name: '경력 관계없음 counts for 신입 and 경력 too (the filter finds it)',
      facet: 'career',
      rows: [
        { code: 'N', n: 2 },
        { code: 'E', n: 3 },
        { code: 'Z', n: 4 },
      ],
      want: { N: 6, E: 7, Z: 4 },
    },
    { name: '고용형태 as they are', facet: 'empTp', rows: [{ code: '10', n: 7 }], want: { '10': 7 } },
    { name: 'nothing', facet: 'empTp', rows: [], want: {} },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(rollUp(c.facet, c.rows), c.want));
});
