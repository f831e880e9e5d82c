/**
 * `npm run bench:relevance`: NDCG@10 of 정확도순 against 최신순 over the relevance set (50 judged
 * queries, test/fixtures/relevance-set.ts) on the embedded database; `-- --write-readme` puts the table
 * in the README. test/integration/relevance-set.test.ts holds the figure from falling.
 */
import {
  RELEVANCE_POSTINGS,
  RELEVANCE_SEED,
  RELEVANCE_SET,
  scoreRelevanceSet,
  seedRelevanceSet,
} from '../test/fixtures/relevance-set.ts';
import { openTestDatabase } from '../test/support/db.ts';
import { publishTable } from './report.ts';

const t = await openTestDatabase('pglite');
try {
  await seedRelevanceSet(t.database);
  const scores = await scoreRelevanceSet(t.database);
  const better = scores.perQuery.filter((r) => r.relevance > r.recent + 1e-9);
  const worse = scores.perQuery.filter((r) => r.relevance < r.recent - 1e-9);
  const f = (n: number) => n.toFixed(3);
  const table = [
    `측정: ${new Date().toISOString().slice(0, 10)}, 질의 ${RELEVANCE_SET.length}개, 생성 공고 ${RELEVANCE_POSTINGS.toLocaleString('ko-KR')}건 (seed ${RELEVANCE_SEED}), 내장 DB (PGlite), Node ${process.versions.node}.`,
    '판정은 공고의 직종(KECO 소분류)으로: 찾는 직종 2, 가까운 직종 1, 그 밖 0. NDCG@10, 이상적 순서는 판정된 모든 공고.',
    '',
    '| 정렬 | 평균 NDCG@10 | 더 나은 질의 | 더 못한 질의 |',
    '|---|---:|---:|---:|',
    `| 정확도순 | ${f(scores.mean.relevance)} | ${better.length} | ${worse.length} |`,
    `| 최신순 | ${f(scores.mean.recent)} | ${worse.length} | ${better.length} |`,
    '',
    `정확도순이 더 나은 질의: ${better.map((r) => `${r.q} (${f(r.recent)} → ${f(r.relevance)})`).join(', ') || '없음'}.`,
    `더 못한 질의: ${worse.map((r) => `${r.q} (${f(r.recent)} → ${f(r.relevance)})`).join(', ') || '없음'}.`,
  ].join('\n');
  await publishTable('relevance', 'relevance.md', table);
} finally {
  await t.cleanup();
}
