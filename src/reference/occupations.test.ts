import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { childrenOf, OCCUPATIONS, occupationLabel, occupationOf, occupationPath } from './occupations.ts';

const atLevel = (level: 1 | 2 | 3) => OCCUPATIONS.filter((o) => o.level === level);

describe('OCCUPATIONS (KECO 2018)', () => {
  const counts: [1 | 2 | 3, number][] = [
    [1, 10],
    [2, 35],
    [3, 136],
  ];
  for (const [level, n] of counts)
    it(`has ${n} entries at level ${level}`, () => assert.equal(atLevel(level).length, n));

  it('has unique codes and non-empty trimmed names', () => {
    assert.equal(new Set(OCCUPATIONS.map((o) => o.code)).size, OCCUPATIONS.length);
    for (const o of OCCUPATIONS) assert.ok(o.name.length > 0 && o.name === o.name.trim(), o.code);
  });

  it('uses codes of 1, 2 and 3 digits by level', () => {
    for (const o of OCCUPATIONS) assert.match(o.code, new RegExp(`^\\d{${o.level}}$`), o.code);
  });

  it('has level-1 codes 0..9', () =>
    assert.deepEqual(
      atLevel(1).map((o) => o.code),
      ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    ));

  it('gives every entry but level 1 a parent one level up whose code prefixes its own', () => {
    for (const o of OCCUPATIONS) {
      if (o.level === 1) {
        assert.equal(o.parent, undefined, o.code);
        continue;
      }
      const parent = o.parent === undefined ? undefined : occupationOf(o.parent);
      assert.ok(parent, `${o.code} has no parent`);
      assert.equal(parent.level, o.level - 1, o.code);
      assert.ok(o.code.startsWith(parent.code), o.code);
    }
  });

  it('gives every 대분류 and 중분류 at least one child', () => {
    for (const o of OCCUPATIONS) if (o.level < 3) assert.ok(childrenOf(o.code).length > 0, o.code);
  });

  it('uses the middle dot ·, not ․ or ・, and no full-width spaces', () => {
    for (const o of OCCUPATIONS) assert.doesNotMatch(o.name, /[․・\u3000]/, o.code);
  });

  const known: [string, string][] = [
    ['0', '경영·사무·금융·보험직'],
    ['1', '연구직 및 공학기술직'],
    ['2', '교육·법률·사회복지·경찰·소방직 및 군인'],
    ['3', '보건·의료직'],
    ['4', '예술·디자인·방송·스포츠직'],
    ['5', '미용·여행·숙박·음식·경비·청소직'],
    ['6', '영업·판매·운전·운송직'],
    ['7', '건설·채굴직'],
    ['8', '설치·정비·생산직'],
    ['9', '농림어업직'],
    ['01', '관리직(임원·부서장)'],
    ['02', '경영·행정·사무직'],
    ['03', '금융·보험직'],
    ['11', '인문·사회과학 연구직'],
    ['13', '정보통신 연구개발직 및 공학기술직'],
    ['30', '보건·의료직'],
    ['54', '경호·경비직'],
    ['55', '돌봄 서비스직(간병·육아)'],
    ['89', '제조 단순직'],
    ['90', '농림어업직'],
    ['011', '의회의원·고위공무원 및 기업 고위임원'],
    ['021', '정부·공공행정 전문가'],
    ['022', '경영·인사 전문가'],
    ['110', '인문·사회과학 연구원'],
    ['133', '소프트웨어 개발자'],
    ['304', '간호사'],
    ['550', '돌봄 서비스 종사자'],
    ['622', '자동차 운전원'],
    ['824', '용접원'],
    ['905', '농림어업 단순 종사자'],
  ];
  for (const [code, name] of known) {
    it(`${code} is ${name}`, () => {
      assert.equal(occupationOf(code)?.name, name);
      assert.equal(occupationLabel(code), name);
    });
  }

  const midCounts: [string, number][] = [
    ['01', 6],
    ['02', 9],
    ['03', 3],
    ['13', 6],
    ['15', 9],
    ['30', 7],
    ['41', 7],
    ['61', 7],
    ['70', 6],
    ['81', 7],
    ['90', 5],
  ];
  for (const [code, n] of midCounts) it(`${code} has ${n} 소분류`, () => assert.equal(childrenOf(code).length, n));
});

describe('occupation helpers', () => {
  it('occupationPath runs from 대분류 to the code', () => {
    assert.deepEqual(
      occupationPath('133').map((o) => o.code),
      ['1', '13', '133'],
    );
    assert.deepEqual(
      occupationPath('02').map((o) => o.code),
      ['0', '02'],
    );
    assert.deepEqual(
      occupationPath('3').map((o) => o.code),
      ['3'],
    );
  });

  it('childrenOf lists direct children in order; no argument gives the 대분류', () => {
    assert.deepEqual(
      childrenOf('0').map((o) => o.code),
      ['01', '02', '03'],
    );
    assert.deepEqual(
      childrenOf('03').map((o) => o.code),
      ['031', '032', '033'],
    );
    assert.deepEqual(childrenOf(), atLevel(1));
    assert.deepEqual(childrenOf('133'), []);
  });

  for (const code of ['', 'x', '04', '999', '1330', '00']) {
    it(`'${code}' is unknown`, () => {
      assert.equal(occupationOf(code), undefined);
      assert.deepEqual(occupationPath(code), []);
      assert.deepEqual(childrenOf(code), []);
      assert.equal(occupationLabel(code), '');
    });
  }
});
