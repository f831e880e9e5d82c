import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { FACET_MAX_ROWS, facetCounts } from '../../src/jobs/facets.ts';
import { byRelevance } from '../../src/jobs/relevance.ts';
import { type PostingSummary, RELEVANCE_POOL, searchPostings, WALK_THRESHOLD } from '../../src/jobs/search.ts';
import { parseSearchParams } from '../../src/jobs/search-query.ts';
import { searchPages } from '../../src/jobs/search-service.ts';
import { generatePostings } from '../../src/jobs/seed/generator.ts';
import { insertPostings } from '../../src/jobs/store.ts';
import { jamoOf } from '../../src/jobs/typo.ts';
import { refreshVocabulary } from '../../src/jobs/vocabulary.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { makePosting } from '../support/postings.ts';

const TODAY = '2026-11-25';
const QUERIES = [
  '개발',
  '개발자',
  '요양보호사',
  '경리',
  '간호사',
  '물류 상하차',
  '조리|주방',
  'ㅇㅇ',
  '사무 보조',
  '영업|판매',
];

for (const kind of DRIVERS) {
  describe(`정확도순 and what a search shows on ${kind}`, () => {
    let t: TestDatabase;
    const parse = (query: Record<string, unknown>) => {
      const parsed = parseSearchParams(query);
      assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.errors));
      return parsed.params;
    };
    /** Every match of the search, read page by page in 최신순. */
    const allMatches = async (query: Record<string, unknown>) => {
      const out: PostingSummary[] = [];
      for (let page = 1; ; page++) {
        const r = await searchPostings(
          t.database,
          parse({ ...query, sort: 'recent', size: '50', page: String(page) }),
          TODAY,
        );
        out.push(...r.items);
        if (page >= r.totalPages) return out;
      }
    };

    /** Every match in the order of the search's own sort. */
    const ranked = async (query: Record<string, unknown>) => {
      const out: PostingSummary[] = [];
      for (let page = 1; ; page++) {
        const r = await searchPostings(t.database, parse({ ...query, size: '50', page: String(page) }), TODAY);
        out.push(...r.items);
        if (page >= r.totalPages) return out;
      }
    };

    before(async () => {
      t = await openTestDatabase(kind);
      await insertPostings(t.database, [...generatePostings({ count: 1_500, seed: 16, today: TODAY })], {
        today: TODAY,
      });
    });
    after(async () => t?.cleanup());

    for (const q of QUERIES)
      it(`‘${q}’: the SQL ranking is the documented one (relevance.ts), page by page`, async () => {
        const matches = await allMatches({ q });
        assert.ok(matches.length > 0, `‘${q}’ finds something in the seeded set`);
        assert.ok(matches.length <= WALK_THRESHOLD, 'few enough that every match is ranked');
        const expected = byRelevance(parse({ q }).keyword, matches).map((p) => p.wantedAuthNo);
        const first = await searchPostings(t.database, parse({ q }), TODAY);
        assert.equal(first.total, matches.length, 'the count agrees with the pages');
        assert.equal(first.rankedNewest, undefined);
        assert.deepEqual(
          (await ranked({ q })).map((p) => p.wantedAuthNo),
          expected,
        );
      });

    it('a 직종 name finds postings of that 직종 that do not use the word, ranked under those that do', async () => {
      await insertPostings(
        t.database,
        [
          makePosting({
            wantedAuthNo: 'RL001',
            title: '병동 근무자 모집 (3교대)',
            jobsCd: '304',
            company: '한결의원',
            busino: '3018112345',
            regDt: '2026-11-24',
            closeDt: null,
          }),
          makePosting({
            wantedAuthNo: 'RL002',
            title: '간호사 채용',
            jobsCd: '304',
            company: '바른병원',
            busino: '3018112346',
            regDt: '2026-11-01',
            closeDt: null,
          }),
        ],
        { today: TODAY },
      );
      const order = (await ranked({ q: '간호사' })).map((p) => p.wantedAuthNo);
      assert.ok(order.includes('RL001'), 'found by its 직종 (304 간호사)');
      assert.ok(order.indexOf('RL002') < order.indexOf('RL001'), 'the title word ranks first, though older');
      const off = await ranked({ q: '간호사', syn: 'off' });
      assert.ok(!off.some((p) => p.wantedAuthNo === 'RL001'), 'syn=off: the word only');
    });

    it('a posting past its 마감일 is never shown, even before the daily closer has run', async () => {
      await insertPostings(
        t.database,
        [
          makePosting({
            wantedAuthNo: 'RL010',
            title: '마감지난 공고 테스트',
            jobsCd: '026',
            company: '지난상사',
            busino: '3018112347',
            regDt: '2026-11-01',
            closeDt: '2026-11-24',
          }),
        ],
        { today: '2026-11-01' },
      );
      const [row] = await t.database.query<{ status: string }>(
        sql`SELECT status FROM postings WHERE wanted_auth_no = 'RL010'`,
      );
      assert.equal(row?.status, 'open', 'the closer has not run');
      for (const sort of ['relevance', 'recent', 'closing', 'wage']) {
        const r = await searchPostings(t.database, parse({ q: '마감지난', sort }), TODAY);
        assert.deepEqual(r.items, [], sort);
        assert.equal(r.total, 0, sort);
      }
      const day = await searchPostings(t.database, parse({ q: '마감지난' }), '2026-11-24');
      assert.equal(day.total, 1, 'open through the end of its 마감일');
    });

    it('with many matches ranks the newest 200, says so, and still puts every match on exactly one page', async () => {
      const r = await searchPostings(t.database, parse({ q: 'ㅇ|ㅁ', sort: 'relevance' }), TODAY);
      assert.equal(r.rankedNewest, undefined, 'one-character words are not searched: no keyword, nothing ranked');
      const many = Array.from({ length: WALK_THRESHOLD + 100 }, (_, i) =>
        makePosting({
          wantedAuthNo: `RLM${String(i).padStart(5, '0')}`,
          title: i % 5 === 0 ? '다량검색어 직원 모집' : '물품 정리 직원 모집',
          jobCont: i % 5 === 0 ? '매장 관리' : '다량검색어 관련 업무',
          regDt: `2026-11-${String(1 + (i % 24)).padStart(2, '0')}`,
          closeDt: null,
        }),
      );
      await insertPostings(t.database, many, { today: TODAY });
      const params = (page: number) => parse({ q: '다량검색어', size: '50', page: String(page) });
      const first = await searchPostings(t.database, params(1), TODAY);
      assert.equal(first.total, many.length);
      assert.equal(first.rankedNewest, RELEVANCE_POOL);
      assert.ok(
        first.items.slice(0, 20).every((p) => p.title.includes('다량검색어')),
        'title matches first among the ranked newest 200 (about 40 of them)',
      );
      const seen: string[] = [];
      for (let page = 1; page <= first.totalPages; page++)
        seen.push(...(await searchPostings(t.database, params(page), TODAY)).items.map((p) => p.wantedAuthNo));
      assert.equal(seen.length, many.length);
      assert.equal(new Set(seen).size, many.length, 'no match twice, none missing');
    });

    it('each facet count is what choosing that option gives, with the other filters kept', async () => {
      const query = { q: '사무|관리', empTp: '10', region: '11000' };
      const facets = await facetCounts(t.database, parse(query), TODAY);
      const checks: [keyof typeof facets.counts, string, Record<string, unknown>][] = [
        ['region', '41000', { ...query, region: '41000' }],
        ['region', '11680', { ...query, region: '11680' }],
        ['occupation', '0', { ...query, occupation: '0' }],
        ['occupation', '026', { ...query, occupation: '026' }],
        ['empTp', '20', { ...query, empTp: '20' }],
        ['career', 'N', { ...query, career: 'N' }],
        ['career', 'Z', { ...query, career: 'Z' }],
      ];
      for (const [facet, code, chosen] of checks) {
        const counts = facets.counts[facet];
        assert.ok(counts, `${facet} is counted`);
        const r = await searchPostings(t.database, parse(chosen), TODAY);
        assert.equal(counts[code] ?? 0, r.total, `${facet} ${code}`);
      }
      assert.ok(Object.values(facets.counts.region ?? {}).some((n) => n > 0));
    });

    it('a facet over too many matches is not counted rather than guessed', async () => {
      const broad = await facetCounts(t.database, parse({ empTp: '10' }), TODAY, 100);
      assert.equal(broad.counts.region, undefined, 'over 100 matches: not counted');
      assert.equal(broad.counts.empTp, undefined);
      const narrow = await facetCounts(t.database, parse({ q: '간호사', region: '11000' }), TODAY, 100);
      const matches = (await searchPostings(t.database, parse({ q: '간호사', region: '11000' }), TODAY)).total;
      assert.ok(matches <= 100);
      assert.equal(
        narrow.counts.career?.Z ?? 0,
        (await searchPostings(t.database, parse({ q: '간호사', region: '11000', career: 'Z' }), TODAY)).total,
      );
    });

    it('the SQL jamo (ilteo_jamo) is es-hangul’s, for any syllables, Latin and digits', async () => {
      const syllable = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCodePoint(c));
      const char = fc.oneof(syllable, fc.constantFrom('a', 'Z', '7', ' ', '(', '·'));
      await fc.assert(
        fc.asyncProperty(fc.array(char, { maxLength: 12 }), async (chars) => {
          const text = chars.join('');
          const [row] = await t.database.read<{ j: string }>(sql`SELECT ilteo_jamo(${text}) AS j`);
          assert.equal(row?.j, jamoOf(text), text);
        }),
        { numRuns: 60 },
      );
    });

    it('suggests by jamo prefix and corrects a typo from the postings’ own words', async () => {
      await refreshVocabulary(t.database);
      const pages = searchPages(t.database);
      const texts = (await pages.suggest('요야')).map((s) => s.text);
      assert.ok(texts.includes('요양보호사'), texts.join(', '));
      const [company] = await t.database.read<{ name: string }>(
        sql`SELECT company_name AS name FROM postings WHERE company_name LIKE '(주)%' LIMIT 1`,
      );
      if (company) {
        const bare = company.name.replace('(주)', '');
        const got = await pages.suggest(bare.slice(0, 2));
        assert.ok(
          got.some((s) => s.kind === 'company'),
          `a company found without its (주): ${bare}`,
        );
      }
      const typo = await pages.page(parse({ q: '요양보효사' }), TODAY);
      assert.equal(typo.result.total, 0);
      assert.equal(typo.didYouMean, '요양보호사');
      const fine = await pages.page(parse({ q: '요양보호사' }), TODAY);
      assert.equal(fine.didYouMean, undefined, 'a search with results gets no correction');
      assert.ok(fine.facets.counts.region, 'and its facet counts');
      assert.deepEqual(await pages.suggest('   '), []);
    });
  });
}
