import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvRecords, parseAcquireCsv, parseLossCsv } from './csv.ts';

const HEADER = '성명,주민등록번호,취득일,월평균보수,1일 소정근로시간,직종코드';
const TODAY = '2026-12-02';

describe('the bulk 취득신고 file', () => {
  it('splits quoted fields, doubled quotes and CRLF', () => {
    assert.deepEqual(csvRecords('a,"b,c","d""e"\r\nf,g\n'), [
      ['a', 'b,c', 'd"e'],
      ['f', 'g'],
    ]);
  });

  const cases: { name: string; rows: string[]; good: number; errors: [number, string][] }[] = [
    {
      name: 'a good row (EDI date, code without its 0)',
      rows: ['김민준,900101-1234568,20261102,2500000,8,26'],
      good: 1,
      errors: [],
    },
    {
      name: 'a bad 주민등록번호',
      rows: ['김민준,12345,2026-11-02,2500000,8,026'],
      good: 0,
      errors: [[2, '주민등록번호']],
    },
    {
      name: 'a future 취득일 and 9 hours',
      rows: ['김민준,9001011234568,2026-12-03,2500000,9,026'],
      good: 0,
      errors: [
        [2, '취득일'],
        [2, '1일소정근로시간'],
      ],
    },
    {
      name: 'an unknown 직종코드, no name',
      rows: [',9001011234568,2026-11-02,2500000,8,999'],
      good: 0,
      errors: [
        [2, '성명'],
        [2, '직종코드'],
      ],
    },
    {
      name: 'the same worker twice',
      rows: ['김민준,9001011234568,2026-11-02,2500000,8,026', '김민준,900101-1234568,2026-11-03,2500000,8,026'],
      good: 1,
      errors: [[3, '주민등록번호']],
    },
    {
      name: 'blank lines skipped, row numbers kept',
      rows: ['', '김민준,9001011234568,2026-11-02,,8,026'],
      good: 0,
      errors: [[3, '월평균보수']],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const r = parseAcquireCsv([HEADER, ...c.rows].join('\n'), TODAY);
      assert.ok(r.ok);
      assert.equal(r.rows.length, c.good);
      assert.deepEqual(
        r.errors.map((e) => [e.row, e.column]),
        c.errors,
      );
      for (const e of r.errors) assert.doesNotMatch(e.message, /1234568/);
    });

  it('refuses a file without the header or without rows', () => {
    const noHeader = parseAcquireCsv('김민준,9001011234568', TODAY);
    assert.ok(!noHeader.ok && /머리글/.test(noHeader.message));
    const noRows = parseAcquireCsv(`${HEADER}\n`, TODAY);
    assert.ok(!noRows.ok && /한 줄도 없습니다/.test(noRows.message));
    assert.ok(!parseAcquireCsv('', TODAY).ok);
  });
});

describe('the bulk 상실신고 file', () => {
  const LOSS_HEADER = '성명,주민등록번호,상실일,상실사유코드,구체적사유,월평균보수';
  const cases: { name: string; rows: string[]; good: number; errors: [number, string][] }[] = [
    {
      name: 'a good row with a 구체적 사유 code (EDI date)',
      rows: ['김민준,900101-1234568,20261101,23-1,"물량 감소, 인원 감축",2500000'],
      good: 1,
      errors: [],
    },
    {
      name: 'a code without 구체적 사유',
      rows: ['김민준,9001011234568,2026-11-01,42,이중고용으로 상실,2500000'],
      good: 1,
      errors: [],
    },
    {
      name: 'a code missing its 구체적 사유, and one not in the table',
      rows: [
        '김민준,9001011234568,2026-11-01,23,권고사직,2500000',
        '박서연,9202022345678,2026-11-01,23-99,권고사직,2300000',
      ],
      good: 0,
      errors: [
        [2, '상실사유코드'],
        [3, '상실사유코드'],
      ],
    },
    {
      name: 'a future 상실일, no reason, no wage',
      rows: ['김민준,9001011234568,2026-12-03,23-1,,'],
      good: 0,
      errors: [
        [2, '상실일'],
        [2, '구체적사유'],
        [2, '월평균보수'],
      ],
    },
    {
      name: 'the same worker twice',
      rows: [
        '김민준,9001011234568,2026-11-01,26-1,계약 만료,2500000',
        '김민준,9001011234568,2026-11-02,26-1,계약 만료,2500000',
      ],
      good: 1,
      errors: [[3, '주민등록번호']],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const r = parseLossCsv([LOSS_HEADER, ...c.rows].join('\n'), TODAY);
      assert.ok(r.ok);
      assert.equal(r.rows.length, c.good);
      assert.deepEqual(
        r.errors.map((e) => [e.row, e.column]),
        c.errors,
      );
      for (const e of r.errors) assert.doesNotMatch(e.message, /1234568|2345678/);
    });

  it('reads the code into 상실사유 and 구체적 사유', () => {
    const r = parseLossCsv(
      `${LOSS_HEADER}\n김민준,9001011234568,2026-11-01,23-1,"물량 감소, 인원 감축",2500000`,
      TODAY,
    );
    assert.ok(r.ok);
    assert.deepEqual(r.rows[0]?.value, {
      lostOn: '2026-11-01',
      lossCode: '23',
      lossSubCode: '23-1',
      lossReason: '물량 감소, 인원 감축',
      monthlyWage: 2_500_000,
    });
  });

  it('refuses a 취득 file pasted on the 상실 page, by its header', () => {
    const r = parseLossCsv(`${HEADER}\n김민준,9001011234568,2026-11-02,2500000,8,026`, TODAY);
    assert.ok(!r.ok && /상실일, 상실사유코드, 구체적사유 열이 없습니다/.test(r.message));
  });
});
