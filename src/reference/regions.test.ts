import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  isRegionCode,
  regionName,
  SIDO,
  SIDO_ADJACENCY,
  SIGUNGU,
  sidoOf,
  sigunguBySido,
  sigunguOf,
} from './regions.ts';

const SEJONG = '36110';

describe('SIDO', () => {
  it('has all 17 시도', () => assert.equal(SIDO.length, 17));

  it('has unique 5-digit codes, names and short names', () => {
    for (const s of SIDO) assert.match(s.code, /^\d{5}$/, s.code);
    for (const key of ['code', 'name', 'shortName', 'nameEn'] as const) {
      assert.equal(new Set(SIDO.map((s) => s[key])).size, SIDO.length, key);
    }
  });

  const cases: [string, string, string][] = [
    ['11000', '서울특별시', '서울'],
    ['26000', '부산광역시', '부산'],
    ['27000', '대구광역시', '대구'],
    ['28000', '인천광역시', '인천'],
    ['29000', '광주광역시', '광주'],
    ['30000', '대전광역시', '대전'],
    ['31000', '울산광역시', '울산'],
    ['36110', '세종특별자치시', '세종'],
    ['41000', '경기도', '경기'],
    ['51000', '강원특별자치도', '강원'],
    ['43000', '충청북도', '충북'],
    ['44000', '충청남도', '충남'],
    ['52000', '전북특별자치도', '전북'],
    ['46000', '전라남도', '전남'],
    ['47000', '경상북도', '경북'],
    ['48000', '경상남도', '경남'],
    ['50000', '제주특별자치도', '제주'],
  ];
  for (const [code, name, shortName] of cases) {
    it(`${code} is ${name} (${shortName})`, () => {
      const sido = sidoOf(code);
      assert.equal(sido?.name, name);
      assert.equal(sido?.shortName, shortName);
      assert.equal(regionName(code), shortName);
    });
  }
});

describe('SIGUNGU', () => {
  it('lists 252 entries in all (세종 counted once)', () => assert.equal(SIGUNGU.length, 252));

  const counts: [string, number][] = [
    ['11000', 25], // 서울 25 자치구
    ['26000', 16],
    ['27000', 9], // incl. 군위군
    ['28000', 10],
    ['29000', 5],
    ['30000', 5],
    ['31000', 5],
    [SEJONG, 1],
    ['41000', 44], // 28 시 (7 with 일반구 → 20 구) + 3 군
    ['51000', 18],
    ['43000', 14], // 청주 4 구
    ['44000', 16], // 천안 2 구
    ['52000', 15], // 전주 2 구
    ['46000', 22],
    ['47000', 23], // 포항 2 구
    ['48000', 22], // 창원 5 구
    ['50000', 2],
  ];
  for (const [sidoCode, n] of counts) {
    it(`${regionName(sidoCode)} has ${n}`, () => assert.equal(sigunguBySido(sidoCode).length, n));
  }
  it('the per-시도 counts add up', () =>
    assert.equal(
      counts.reduce((sum, [, n]) => sum + n, 0),
      SIGUNGU.length,
    ));

  it('has unique 5-digit codes', () => {
    for (const s of SIGUNGU) assert.match(s.code, /^\d{5}$/, s.code);
    assert.equal(new Set(SIGUNGU.map((s) => s.code)).size, SIGUNGU.length);
  });

  it('has unique names within each 시도', () => {
    for (const sido of SIDO) {
      const names = sigunguBySido(sido.code).map((s) => s.name);
      assert.equal(new Set(names).size, names.length, sido.name);
    }
  });

  it('points every entry at a real 시도 whose code shares its first two digits', () => {
    for (const s of SIGUNGU) {
      assert.ok(
        SIDO.some((d) => d.code === s.sidoCode),
        s.code,
      );
      if (s.sidoCode !== SEJONG) assert.equal(s.code.slice(0, 2), s.sidoCode.slice(0, 2), s.code);
    }
  });

  it('uses no 시도 code as a 시군구 code except 세종', () => {
    for (const s of SIGUNGU) if (s.code !== SEJONG) assert.ok(!SIDO.some((d) => d.code === s.code), s.code);
  });

  it('uses no retired codes (강원 42xxx, 전북 45xxx, 경북 군위 47720, city-level codes of cities with 구)', () => {
    for (const s of SIGUNGU) assert.ok(!/^(42|45)/.test(s.code), s.code);
    for (const code of ['47720', '41110', '41130', '41170', '41190', '41270', '41280', '41460', '43110', '44130']) {
      assert.equal(sigunguOf(code), undefined, code);
    }
    for (const code of ['52110', '47110', '48120']) assert.equal(sigunguOf(code), undefined, code);
  });

  const known: [string, string, string, string][] = [
    ['11110', '11000', '종로구', '서울 종로구'],
    ['11680', '11000', '강남구', '서울 강남구'],
    ['11740', '11000', '강동구', '서울 강동구'],
    ['26440', '26000', '강서구', '부산 강서구'],
    ['11500', '11000', '강서구', '서울 강서구'],
    ['27720', '27000', '군위군', '대구 군위군'],
    ['28110', '28000', '중구', '인천 중구'],
    ['28720', '28000', '옹진군', '인천 옹진군'],
    ['41111', '41000', '수원시 장안구', '경기 수원시 장안구'],
    ['41113', '41000', '수원시 권선구', '경기 수원시 권선구'],
    ['41192', '41000', '부천시 원미구', '경기 부천시 원미구'],
    ['41590', '41000', '화성시', '경기 화성시'],
    ['51110', '51000', '춘천시', '강원 춘천시'],
    ['51830', '51000', '양양군', '강원 양양군'],
    ['43111', '43000', '청주시 상당구', '충북 청주시 상당구'],
    ['44825', '44000', '태안군', '충남 태안군'],
    ['52111', '52000', '전주시 완산구', '전북 전주시 완산구'],
    ['52800', '52000', '부안군', '전북 부안군'],
    ['46910', '46000', '신안군', '전남 신안군'],
    ['47940', '47000', '울릉군', '경북 울릉군'],
    ['48125', '48000', '창원시 마산합포구', '경남 창원시 마산합포구'],
    ['50110', '50000', '제주시', '제주 제주시'],
    ['50130', '50000', '서귀포시', '제주 서귀포시'],
  ];
  for (const [code, sidoCode, name, label] of known) {
    it(`${code} is ${label}`, () => {
      assert.deepEqual(sigunguOf(code), { code, sidoCode, name });
      assert.equal(sidoOf(code)?.code, sidoCode);
      assert.equal(regionName(code), label);
      assert.ok(isRegionCode(code));
    });
  }

  it('lists 세종 once, as its own 시도 code', () => {
    assert.deepEqual(sigunguBySido(SEJONG), [{ code: SEJONG, sidoCode: SEJONG, name: '세종특별자치시' }]);
    assert.equal(sidoOf(SEJONG)?.shortName, '세종');
    assert.equal(regionName(SEJONG), '세종');
  });
});

describe('lookups with unknown codes', () => {
  const bad = ['', '00000', '11', '1168', '116800', '99999', '42110', '45111', 'abcde'];
  for (const code of bad) {
    it(`'${code}' is not a region`, () => {
      assert.equal(isRegionCode(code), false);
      assert.equal(sidoOf(code), undefined);
      assert.equal(sigunguOf(code), undefined);
      assert.equal(regionName(code), '');
      assert.deepEqual(sigunguBySido(code), []);
    });
  }
  it('a 시도 code is a region code but not a 시군구', () => {
    assert.ok(isRegionCode('41000'));
    assert.equal(sigunguOf('41000'), undefined);
  });
});

describe('SIDO_ADJACENCY', () => {
  it('has an entry for every 시도 and only 시도 codes', () => {
    assert.deepEqual(Object.keys(SIDO_ADJACENCY).sort(), SIDO.map((s) => s.code).sort());
    for (const list of Object.values(SIDO_ADJACENCY)) for (const c of list) assert.ok(sidoOf(c), c);
  });

  it('is symmetric, irreflexive and without duplicates', () => {
    for (const [a, list] of Object.entries(SIDO_ADJACENCY)) {
      assert.equal(new Set(list).size, list.length, a);
      assert.ok(!list.includes(a), a);
      for (const b of list) assert.ok(SIDO_ADJACENCY[b]?.includes(a), `${b} should list ${a}`);
    }
  });

  const cases: [string, string[]][] = [
    ['11000', ['28000', '41000']], // 서울: 인천, 경기
    ['36110', ['30000', '43000', '44000']], // 세종: 대전, 충북, 충남
    ['29000', ['46000']], // 광주: 전남
    ['50000', []], // 제주
    ['43000', ['30000', '36110', '41000', '44000', '47000', '51000', '52000']], // 충북
  ];
  for (const [code, expected] of cases) {
    it(`${regionName(code)} borders ${expected.map(regionName).join(', ') || 'nothing'}`, () =>
      assert.deepEqual([...(SIDO_ADJACENCY[code] ?? [])].sort(), expected));
  }
});
