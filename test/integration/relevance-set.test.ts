import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RELEVANCE_SET, type RelevanceScores, scoreRelevanceSet, seedRelevanceSet } from '../fixtures/relevance-set.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/db.ts';

/** Measured 0.930 for 정확도순 and 0.913 for 최신순 (README, npm run bench:relevance): it may not fall below. */
const FLOOR = 0.925;

for (const kind of DRIVERS) {
  describe(`the relevance set on ${kind}`, () => {
    let t: TestDatabase;
    let scores: RelevanceScores;
    before(async () => {
      t = await openTestDatabase(kind);
      await seedRelevanceSet(t.database);
      scores = await scoreRelevanceSet(t.database);
    });
    after(async () => t?.cleanup());

    it(`has ${RELEVANCE_SET.length} judged queries, each with something to find`, () => {
      assert.equal(RELEVANCE_SET.length, 50);
      assert.equal(new Set(RELEVANCE_SET.map((j) => j.q)).size, 50);
      assert.equal(scores.perQuery.length, 50);
    });
    it(`정확도순 keeps NDCG@10 at ${FLOOR} or more, and above 최신순`, () => {
      assert.ok(scores.mean.relevance >= FLOOR, `정확도순 ${scores.mean.relevance.toFixed(3)} < ${FLOOR}`);
      assert.ok(scores.mean.relevance > scores.mean.recent, JSON.stringify(scores.mean));
    });
  });
}
