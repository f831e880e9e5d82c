import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Eligibility, LOSS_CODES, lossCodeError, lossEligibility, lossLabel } from './codes.ts';

// Every 상실사유 and 구체적 사유 with the 수급자격 it gives, written out by hand from 고용보험법 제40조,
// 제58조 and 시행규칙 별표2 — the table below is the test, not a copy of the data.
const EXPECTED: Record<string, Eligibility> = {
  '11': 'not-eligible',
  '11-1': 'not-eligible',
  '11-2': 'not-eligible',
  '11-3': 'needs-review',
  '11-4': 'needs-review',
  '11-5': 'needs-review',
  '11-6': 'not-eligible',
  '11-7': 'needs-review',
  '11-8': 'needs-review',
  '11-9': 'needs-review',
  '11-10': 'needs-review',
  '11-11': 'not-eligible',
  '11-12': 'not-eligible',
  '11-13': 'eligible',
  '11-14': 'not-eligible',
  '11-15': 'not-eligible',
  '11-16': 'not-eligible',
  '12': 'needs-review',
  '12-1': 'needs-review',
  '12-2': 'needs-review',
  '12-3': 'needs-review',
  '12-4': 'needs-review',
  '12-5': 'needs-review',
  '12-6': 'needs-review',
  '22': 'eligible',
  '22-1': 'eligible',
  '22-2': 'eligible',
  '22-3': 'eligible',
  '23': 'eligible',
  '23-1': 'eligible',
  '23-2': 'eligible',
  '23-3': 'eligible',
  '23-4': 'needs-review',
  '23-5': 'eligible',
  '23-6': 'eligible',
  '23-7': 'eligible',
  '23-8': 'eligible',
  '23-9': 'needs-review',
  '23-10': 'needs-review',
  '26': 'not-eligible',
  '26-1': 'not-eligible',
  '26-2': 'not-eligible',
  '26-3': 'needs-review',
  '31': 'eligible',
  '31-1': 'eligible',
  '32': 'eligible',
  '32-1': 'eligible',
  '32-2': 'eligible',
  '32-3': 'eligible',
  '41': 'not-eligible',
  '41-1': 'not-eligible',
  '41-2': 'needs-review',
  '41-3': 'not-eligible',
  '41-4': 'not-eligible',
  '42': 'not-eligible',
};

describe('상실사유 구분코드', () => {
  it('has exactly the codes of the table, in order', () => {
    assert.deepEqual(
      LOSS_CODES.map((c) => c.code),
      ['11', '12', '22', '23', '26', '31', '32', '41', '42'],
    );
  });

  it('maps every code and every 구체적 사유 to 수급자격, each with a provision', () => {
    const seen: string[] = [];
    for (const c of LOSS_CODES) {
      seen.push(c.code);
      assert.equal(lossEligibility(c.code)?.eligibility, EXPECTED[c.code], c.code);
      assert.match(c.citation, /고용보험법/, c.code);
      for (const s of c.subCodes) {
        seen.push(s.code);
        assert.ok(s.code.startsWith(`${c.code}-`), s.code);
        const e = lossEligibility(c.code, s.code);
        assert.equal(e?.eligibility, EXPECTED[s.code], s.code);
        assert.match(e?.citation ?? '', /고용보험법/, s.code);
      }
    }
    assert.deepEqual(seen.sort(), Object.keys(EXPECTED).sort());
  });

  it('knows no eligibility for an unknown code', () => {
    assert.equal(lossEligibility('99'), null);
  });

  it('accepts a code with one of its own sub-codes only', () => {
    const cases: [code: string, sub: string, error: RegExp | null][] = [
      ['11', '11-1', null],
      [' 23 ', ' 23-10 ', null],
      ['42', '', null],
      ['', '', /상실사유 코드를 골라 주세요/],
      ['13', '', /"13"는 없는 코드입니다. 11, 12, 22, 23, 26, 31, 32, 41, 42/],
      ['11', '', /상실사유 11\(개인사정으로 인한 자진퇴사\)의 구체적 사유를 골라 주세요/],
      ['11', '12-1', /"12-1"는 상실사유 11에 없는 코드입니다/],
      ['11', '11-17', /없는 코드/],
      ['42', '42-1', /구체적 사유 코드가 없습니다/],
    ];
    for (const [code, sub, error] of cases) {
      const got = lossCodeError(code, sub);
      if (error === null) assert.equal(got, null, `${code}/${sub}`);
      else assert.match(got ?? '', error, `${code}/${sub}`);
    }
  });

  it('labels a code with its 구체적 사유', () => {
    assert.equal(lossLabel('11', '11-1'), '개인사정으로 인한 자진퇴사 (다른 직장으로 옮기기 위해 이직한 경우)');
    assert.equal(lossLabel('31', '31-1'), '정년');
    assert.equal(lossLabel('32'), '계약기간 만료, 공사 종료');
    assert.equal(lossLabel('42', null), '이중고용');
    assert.equal(lossLabel('99'), '상실사유 99');
  });
});
