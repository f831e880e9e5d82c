import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeExpiredPostings } from '../../src/jobs/closer.ts';
import { findPosting, searchPostings } from '../../src/jobs/search.ts';
import { parseSearchParams } from '../../src/jobs/search-query.ts';
import { insertPostings } from '../../src/jobs/store.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/db.ts';
import { makePosting } from '../support/postings.ts';

const TODAY = '2026-11-25';

const FIXTURES = [
  makePosting({
    wantedAuthNo: 'KF001',
    title: '웹 백엔드 개발자(Java/Spring) 경력직 채용',
    jobsCd: '133',
    company: '주식회사 세움테크',
    busino: '2148612345',
    regionCd: '11680',
    salTpCd: 'Y',
    minSal: 45_000_000,
    maxSal: 60_000_000,
    career: 'E',
    minCareerMonths: 36,
    regDt: '2026-11-24',
    closeDt: '2026-12-01',
  }),
  makePosting({
    wantedAuthNo: 'KF002',
    title: '물류센터 상하차 일용직 (일급 15만원)',
    jobsCd: '624',
    company: '(주)한빛물류',
    busino: '1058723456',
    regionCd: '41461',
    salTpCd: 'D',
    minSal: 150_000,
    maxSal: 150_000,
    jobCont: '- 택배 상하차 및 분류\n- 지게차 보조',
    regDt: '2026-11-25',
    closeDt: null,
  }),
  makePosting({
    wantedAuthNo: 'KF003',
    title: '요양보호사 모집(주5일, 방문요양)',
    jobsCd: '550',
    company: '햇살요양센터',
    busino: '3128765432',
    regionCd: '26440',
    salTpCd: 'H',
    minSal: 12_000,
    maxSal: 12_000,
    regDt: '2026-11-10',
    closeDt: '2026-11-30',
  }),
  makePosting({
    wantedAuthNo: 'KF004',
    title: '경리 사무원 채용',
    jobsCd: '027',
    company: '대한식품',
    busino: '6098112345',
    regionCd: '36110',
    jobCont: '- 회계 전표 입력\n- 개발 부서 지원 업무',
    regDt: '2026-11-01',
    closeDt: '2026-11-24',
  }),
  makePosting({
    wantedAuthNo: 'KF005',
    title: 'CO2 용접공 모집',
    jobsCd: '824',
    company: '대성정밀',
    busino: '6138123456',
    regionCd: '48121',
    salTpCd: 'M',
    minSal: 3_200_000,
    maxSal: 3_800_000,
    regDt: '2026-11-23',
    closeDt: '2026-12-10',
  }),
  makePosting({
    wantedAuthNo: 'KF006',
    title: '50%_할인 매장 판매원 \\ 모집',
    jobsCd: '615',
    company: '판매왕',
    busino: '1018123456',
    regionCd: '11110',
    regDt: '2026-11-22',
    closeDt: '2026-12-22',
  }),
];

for (const kind of DRIVERS) {
  describe(`job search on ${kind}`, () => {
    let t: TestDatabase;
    const search = async (query: Record<string, unknown>) => {
      const parsed = parseSearchParams(query);
      assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.errors));
      return searchPostings(t.database, parsed.params, TODAY);
    };
    const ids = async (query: Record<string, unknown>) => (await search(query)).items.map((p) => p.wantedAuthNo).sort();

    before(async () => {
      t = await openTestDatabase(kind);
      // Stored as of an earlier day, when every fixture was still open; the closer then closes KF004.
      await insertPostings(t.database, FIXTURES, { today: '2026-11-01' });
      assert.equal(await closeExpiredPostings(t.database, TODAY), 1, 'KF004 closed yesterday');
    });
    after(async () => t?.cleanup());

    it('lists open postings only, newest first', async () => {
      const r = await search({});
      assert.deepEqual(
        r.items.map((p) => p.wantedAuthNo),
        ['KF002', 'KF001', 'KF005', 'KF006', 'KF003'],
      );
      assert.equal(r.total, 5);
    });
    it('matches a 2-syllable word inside longer words', async () => {
      assert.deepEqual(await ids({ q: '개발' }), ['KF001']);
      assert.deepEqual(await ids({ q: '물류' }), ['KF002']);
      assert.deepEqual(await ids({ q: '용접' }), ['KF005']);
    });
    it('matches 3+ syllable words and Latin case-insensitively', async () => {
      assert.deepEqual(await ids({ q: '요양보호사' }), ['KF003']);
      assert.deepEqual(await ids({ q: 'JAVA' }), ['KF001']);
    });
    it('AND of words, OR with |', async () => {
      assert.deepEqual(await ids({ q: '물류 상하차' }), ['KF002']);
      assert.deepEqual(await ids({ q: '물류 개발' }), []);
      assert.deepEqual(await ids({ q: '용접|요양' }), ['KF003', 'KF005']);
    });
    it('scopes: title, company, content', async () => {
      assert.deepEqual(await ids({ q: '한빛', scope: 'company' }), ['KF002']);
      assert.deepEqual(await ids({ q: '한빛', scope: 'title' }), []);
      assert.deepEqual(await ids({ q: '지게차', scope: 'content' }), ['KF002']);
      assert.deepEqual(await ids({ q: '지게차', scope: 'title' }), []);
    });
    it('초성 queries match titles and company names', async () => {
      assert.deepEqual(await ids({ q: 'ㄱㅂㅈ' }), ['KF001']);
      assert.deepEqual(await ids({ q: 'ㅇㅈㄱ' }), ['KF005']);
      assert.deepEqual(await ids({ q: 'ㅇㅈ' }), ['KF002', 'KF005']);
    });
    it('exclusion words remove postings', async () => {
      assert.deepEqual(await ids({ q: '모집', exclude: '용접 요양' }), ['KF006']);
    });
    it('LIKE wildcards in the query are literal', async () => {
      assert.deepEqual(await ids({ q: '50%_할인' }), ['KF006']);
      assert.deepEqual(await ids({ q: '%%' }), []);
      assert.deepEqual(await ids({ q: '__' }), []);
    });
    it('filters: region (시도 and 시군구), occupation levels, wage, career', async () => {
      assert.deepEqual(await ids({ region: '11000' }), ['KF001', 'KF006']);
      assert.deepEqual(await ids({ region: ['26440', '41461'] }), ['KF002', 'KF003']);
      assert.deepEqual(await ids({ occupation: '1' }), ['KF001']);
      assert.deepEqual(await ids({ occupation: '13' }), ['KF001']);
      assert.deepEqual(await ids({ salTp: 'M', minWage: '3000000' }), ['KF005']);
      assert.deepEqual(await ids({ career: 'E' }), ['KF001', 'KF002', 'KF003', 'KF005', 'KF006']);
      assert.deepEqual(await ids({ career: 'N' }), ['KF002', 'KF003', 'KF005', 'KF006']);
    });
    it('등록일 filter counts days in Seoul', async () => {
      assert.deepEqual(await ids({ posted: 'today' }), ['KF002']);
      assert.deepEqual(await ids({ posted: '3d' }), ['KF001', 'KF002', 'KF005']);
    });
    it('sorts by closing date and by wage', async () => {
      const closing = (await search({ sort: 'closing' })).items.map((p) => p.wantedAuthNo);
      assert.deepEqual(closing, ['KF003', 'KF001', 'KF005', 'KF006', 'KF002']);
      const wage = (await search({ sort: 'wage' })).items.map((p) => p.wantedAuthNo);
      assert.equal(wage[0], 'KF001');
    });
    it('paginates', async () => {
      const p2 = await search({ size: '10', page: '1' });
      assert.equal(p2.totalPages, 1);
      const empty = await search({ size: '10', page: '2' });
      assert.equal(empty.items.length, 0);
    });
    it('survives hostile input', async () => {
      for (const q of ["'; DROP TABLE postings; --", '😀 개발', 'ㅏㅓ', '\\', 'x'.repeat(10_000), "' OR 1=1 --"]) {
        await search({ q });
      }
      assert.equal((await search({})).total, 5);
    });
    it('finds one posting by 구인인증번호', async () => {
      const p = await findPosting(t.database, 'KF002');
      assert.equal(p?.title, '물류센터 상하차 일용직 (일급 15만원)');
      assert.equal(p?.closeDt, null);
      assert.equal(await findPosting(t.database, 'NOPE'), undefined);
    });
    it('a word of the synonym table finds its synonyms too, and says so; syn=off finds the word only', async () => {
      await insertPostings(
        t.database,
        [
          makePosting({
            wantedAuthNo: 'KF101',
            title: '회계 담당자 채용 (더존 가능자)',
            jobsCd: '027',
            company: '세움세무회계',
            busino: '2208112345',
            regDt: '2026-11-20',
            closeDt: null,
          }),
        ],
        { today: TODAY },
      );
      const r = await search({ q: '경리' });
      assert.deepEqual(
        r.items.map((p) => p.wantedAuthNo),
        ['KF101'],
        'KF004 (경리) is closed; 회계 is its synonym',
      );
      const parsed = parseSearchParams({ q: '경리' });
      assert.ok(parsed.ok);
      assert.ok(parsed.params.notices.includes('‘경리’ 관련 결과(회계, 직종 회계·경리 사무원)도 포함했습니다.'));
      assert.deepEqual(await ids({ q: '경리', syn: 'off' }), []);
      assert.deepEqual(await ids({ q: '회계' }), ['KF101']);
    });
  });
}
