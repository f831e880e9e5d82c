import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import type { JobCentre } from '../identity/accounts.ts';
import { CENTRES, centreServing } from '../reference/centres.ts';
import { SIGUNGU, sidoOf } from '../reference/regions.ts';
import { centreListings, filterCentres, normalise, parseCentreQuery, servingHints } from './centres.ts';

/** The centres as migration 0005 seeds them into `job_centres`. */
function seededCentres(): JobCentre[] {
  const sqlText = fs.readFileSync(new URL('../db/migrations/0005_identity.sql', import.meta.url), 'utf8');
  const insert = sqlText.slice(sqlText.indexOf('INSERT INTO "job_centres"'));
  return [...insert.matchAll(/\('([^']+)', '([^']+)', '(\d{2})', '([^']+)', '([^']+)'\)/g)].map((m) => ({
    code: m[1] ?? '',
    name: m[2] ?? '',
    sidoCd: m[3] ?? '',
    address: m[4] ?? '',
    phone: m[5] ?? '',
  }));
}

describe('고용센터 reference data', () => {
  const seeded = seededCentres();

  it('has hours and 관할 지역 for every seeded centre, and no centre that is not seeded', () => {
    assert.equal(seeded.length, 20);
    assert.deepEqual(CENTRES.map((c) => c.code).sort(), seeded.map((c) => c.code).sort());
  });

  it('serves every 시군구 of the country exactly once, from a centre of its own 시도', () => {
    const served = CENTRES.flatMap((c) => c.serves);
    assert.equal(new Set(served).size, served.length, 'a 시군구 served twice');
    assert.deepEqual([...served].sort(), SIGUNGU.map((s) => s.code).sort());
    for (const c of CENTRES) {
      const centre = seeded.find((s) => s.code === c.code);
      for (const code of c.serves)
        assert.ok(sidoOf(code)?.code.startsWith(centre?.sidoCd ?? '??'), `${c.code} serves ${code} of another 시도`);
    }
  });

  it('finds the centre of a 시군구', () => {
    assert.equal(centreServing('11680'), 'seoul-gangnam'); // 강남구
    assert.equal(centreServing('41135'), 'seongnam'); // 성남시 분당구
    assert.equal(centreServing('27720'), 'daegu'); // 군위군
    assert.equal(centreServing('99999'), undefined);
  });
});

describe('고용센터 찾기', () => {
  const all = centreListings(seededCentres());

  it('lists the centres in the order of the 시도 list, each with its 시도, hours and areas', () => {
    assert.equal(all.length, 20);
    assert.deepEqual(
      all.slice(0, 3).map((c) => c.name),
      ['서울강남고용센터', '서울고용센터', '서울관악고용센터'],
    );
    assert.equal(all.at(-1)?.name, '제주고용센터');
    const busan = all.find((c) => c.code === 'busan');
    assert.equal(busan?.sido.name, '부산광역시');
    assert.equal(busan?.hours.open, '09:00');
    assert.ok(busan?.serves.some((s) => s.name === '해운대구'));
  });

  it('reads the query: a 시도 from the list only, the text trimmed and bounded', () => {
    assert.deepEqual(parseCentreQuery({ sido: '26000', q: '  해운대 ' }), { sido: '26000', q: '해운대' });
    assert.deepEqual(parseCentreQuery({ sido: '99000', q: ['a'] }), { sido: '', q: '' });
    assert.equal(parseCentreQuery({ q: 'ㄱ'.repeat(100) }).q.length, 40);
  });

  it('filters by 시도 and by name, address, phone or a 시군구 served', () => {
    const names = (sido: string, q: string) => filterCentres(all, { sido, q }).map((c) => c.name);
    assert.equal(names('', '').length, 20);
    assert.deepEqual(names('11000', ''), ['서울강남고용센터', '서울고용센터', '서울관악고용센터']);
    assert.deepEqual(names('', '분당'), ['성남고용센터']);
    assert.deepEqual(names('', '테헤란로'), ['서울강남고용센터']);
    assert.deepEqual(names('', '051-860'), ['부산고용센터']);
    assert.deepEqual(names('', '부산 해운대'), ['부산고용센터']);
    assert.deepEqual(names('', '강서구'), ['서울관악고용센터', '부산고용센터']);
    assert.deepEqual(names('26000', '강서구'), ['부산고용센터']);
    assert.deepEqual(names('11000', '해운대'), []);
  });

  it('tells which centre serves the 시군구 typed', () => {
    const hints = servingHints(all, { sido: '', q: '해운대' });
    assert.deepEqual(
      hints.map((h) => [h.sigungu.name, h.centre.name]),
      [['해운대구', '부산고용센터']],
    );
    assert.deepEqual(
      servingHints(all, { sido: '', q: '수원시' }).map((h) => h.sigungu.name),
      ['수원시 장안구', '수원시 권선구', '수원시 팔달구', '수원시 영통구'],
    );
    assert.deepEqual(servingHints(all, { sido: '', q: '구' }), [], 'one letter names no place');
    assert.ok(servingHints(all, { sido: '', q: '중구' }).length <= 8);
  });

  it('compares text without spaces, hyphens or case', () => {
    assert.equal(normalise(' 02-2004 7301 '), '0220047301');
    assert.equal(normalise('Seoul (중구)'), 'seoul중구');
  });
});
