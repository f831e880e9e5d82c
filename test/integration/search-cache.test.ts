import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { dailyCloser } from '../../src/jobs/closer.ts';
import { currentGeneration } from '../../src/jobs/search-cache.ts';
import { parseSearchParams } from '../../src/jobs/search-query.ts';
import { searchPages } from '../../src/jobs/search-service.ts';
import { createJobsService } from '../../src/jobs/service.ts';
import { insertPostings, setPostingStatus, updatePostingContent } from '../../src/jobs/store.ts';
import { refreshVocabulary } from '../../src/jobs/vocabulary.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { makePosting } from '../support/postings.ts';

const TODAY = '2026-11-25';
const parse = (query: Record<string, unknown>) => {
  const parsed = parseSearchParams(query);
  assert.ok(parsed.ok);
  return parsed.params;
};

for (const kind of DRIVERS) {
  describe(`search pages kept per search generation on ${kind}`, () => {
    let t: TestDatabase;
    let companyId: number;
    const posting = makePosting({ title: '세차장 관리원 모집', wantedAuthNo: 'GEN0001', closeDt: null });
    before(async () => {
      t = await openTestDatabase(kind);
      await insertPostings(
        t.database,
        [posting, makePosting({ title: '세차장 보조 모집', wantedAuthNo: 'GEN0002', closeDt: null })],
        { today: TODAY },
      );
      const [row] = await t.database.query<{ id: number }>(
        sql`SELECT company_id::int AS id FROM postings WHERE wanted_auth_no = 'GEN0001'`,
      );
      companyId = row?.id ?? 0;
    });
    after(async () => t?.cleanup());

    it('every statement that writes postings raises the generation; reads do not', async () => {
      const g0 = BigInt(await currentGeneration(t.database));
      await t.database.query(sql`SELECT count(*) FROM postings`);
      assert.equal(BigInt(await currentGeneration(t.database)), g0);
      await setPostingStatus(t.database, 'GEN0002', companyId, 'paused', TODAY);
      assert.equal(BigInt(await currentGeneration(t.database)), g0 + 1n);
      await t.database
        .transaction(async (tx) => {
          await tx.query(sql`UPDATE postings SET title = 'x' WHERE wanted_auth_no = 'GEN0002'`);
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      assert.equal(BigInt(await currentGeneration(t.database)), g0 + 1n, 'a rolled-back write leaves it');
      await t.database.query(sql`UPDATE postings SET title = 'x' WHERE false`);
      await t.database.query(sql`DELETE FROM postings WHERE false`);
      assert.equal(BigInt(await currentGeneration(t.database)), g0 + 1n, 'a statement that changes no row leaves it');
      await setPostingStatus(t.database, 'GEN0002', companyId, 'open', TODAY);
      assert.equal(BigInt(await currentGeneration(t.database)), g0 + 2n);
    });

    it('a repeated search is the kept result until a posting changes, then exactly the new one', async () => {
      const pages = searchPages(t.database);
      const first = await pages.page(parse({ q: '세차장' }), TODAY);
      assert.equal(first.result.total, 2);
      const again = await pages.page(parse({ q: '세차장' }), TODAY);
      assert.equal(again.result, first.result, 'the same kept result');
      assert.equal(again.facets, first.facets, 'the same kept facet counts');

      await insertPostings(
        t.database,
        [makePosting({ title: '세차장 야간 근무자', wantedAuthNo: 'GEN0003', closeDt: null })],
        {
          today: TODAY,
        },
      );
      const added = await pages.page(parse({ q: '세차장' }), TODAY);
      assert.equal(added.result.total, 3, 'a new posting is found at once');
      assert.ok(added.result.items.some((p) => p.wantedAuthNo === 'GEN0003'));
      assert.equal(
        Object.values(added.facets.counts.empTp ?? {}).reduce((a, b) => a + b, 0),
        3,
        'facet counts agree with the new count',
      );

      await setPostingStatus(t.database, 'GEN0003', companyId, 'closed', TODAY);
      const closed = await pages.page(parse({ q: '세차장' }), TODAY);
      assert.equal(closed.result.total, 2, 'a closed posting is gone at once');

      await updatePostingContent(t.database, { ...posting, title: '주유소 관리원 모집' }, companyId, TODAY);
      assert.equal((await pages.page(parse({ q: '세차장' }), TODAY)).result.total, 1);
      assert.equal((await pages.page(parse({ q: '주유소' }), TODAY)).result.total, 1, 'found by its new title');
    });

    it('the API search and the page share kept results; another day is another search', async () => {
      const pages = searchPages(t.database);
      const page = await pages.page(parse({ q: '세차장' }), TODAY);
      assert.equal(await pages.search(parse({ q: '세차장' }), TODAY), page.result);
      const later = await pages.search(parse({ q: '세차장' }), '2026-11-26');
      assert.notEqual(later, page.result);
    });

    it('home counts: a minute old, recounted in the background while the old count is shown', async () => {
      let clock = new Date('2026-11-25T01:00:00Z');
      const jobs = createJobsService(t.database, () => clock);
      const before = (await jobs.stats()).open;
      await insertPostings(
        t.database,
        [makePosting({ title: '홈 화면 집계 확인', wantedAuthNo: 'GEN0009', closeDt: null })],
        {
          today: TODAY,
        },
      );
      clock = new Date(clock.getTime() + 30_000);
      assert.equal((await jobs.stats()).open, before, 'within the minute: the kept count');
      clock = new Date(clock.getTime() + 40_000);
      assert.equal((await jobs.stats()).open, before, 'over a minute: the old count at once, no wait');
      for (let i = 0; i < 50 && (await jobs.stats()).open === before; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal((await jobs.stats()).open, before + 1, 'then the recount');
    });

    it("two processes' daily closers both close, and the vocabulary is rebuilt once", async () => {
      const day = '2026-11-27';
      const g0 = BigInt(await currentGeneration(t.database));
      const [a, b] = [dailyCloser(t.database, 60_000), dailyCloser(t.database, 60_000)];
      await Promise.all([a(day), b(day)]);
      // Nothing to close (no generation change); one rebuild (+1). Two rebuilds would make +2.
      assert.equal(BigInt(await currentGeneration(t.database)) - g0, 1n);
      await a(day);
      assert.equal(BigInt(await currentGeneration(t.database)) - g0, 1n, 'once a day per process');
    });

    it('a vocabulary refresh raises the generation (typo help comes from it)', async () => {
      const g0 = BigInt(await currentGeneration(t.database));
      await refreshVocabulary(t.database);
      assert.ok(BigInt(await currentGeneration(t.database)) > g0);
    });
  });
}
