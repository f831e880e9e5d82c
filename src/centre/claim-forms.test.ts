import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  moveErrors,
  parseApprove,
  parseMove,
  parseNote,
  parseRejectClaim,
  parseRejectRecognition,
  parseWorkedDays,
} from './claim-forms.ts';

const errorsOf = (r: { errors: Record<string, string> }) => Object.keys(r.errors).sort();
const RRN = '900101-1234567';

describe('수급자격 인정 (parseApprove)', () => {
  const good = { firstDate: '2026-12-09', cycleDays: '28' };
  const cases: { name: string; body: Record<string, unknown>; errors: string[] }[] = [
    { name: 'a date and a four-week cycle', body: good, errors: [] },
    { name: 'each cycle of one to four weeks', body: { ...good, cycleDays: '7' }, errors: [] },
    { name: 'no date', body: { ...good, firstDate: '' }, errors: ['firstDate'] },
    { name: '30 February', body: { ...good, firstDate: '2026-02-30' }, errors: ['firstDate'] },
    { name: 'a date in another format', body: { ...good, firstDate: '2026.12.09' }, errors: ['firstDate'] },
    { name: 'a cycle of ten days', body: { ...good, cycleDays: '10' }, errors: ['cycleDays'] },
    { name: 'no cycle', body: { firstDate: '2026-12-09' }, errors: ['cycleDays'] },
    { name: 'nothing', body: {}, errors: ['cycleDays', 'firstDate'] },
  ];
  for (const c of cases)
    it(c.name, () => {
      const r = parseApprove(c.body);
      assert.deepEqual(errorsOf(r), c.errors);
      assert.equal(r.value === null, c.errors.length > 0);
    });

  it('the checked values: the cycle a number, 반복수급자 only when ticked, a 주민등록번호 masked', () => {
    const r = parseApprove({ ...good, cycleDays: '14', repeatClaimant: 'yes', note: ` 확인함 ${RRN} ` });
    assert.equal(r.value?.cycleDays, 14);
    assert.equal(r.value?.repeatClaimant, true);
    assert.equal(r.value?.note.includes(RRN), false);
    assert.equal(r.values.note, r.value?.note);
    assert.equal(parseApprove({ ...good, repeatClaimant: 'on' }).value?.repeatClaimant, false);
  });

  it('keeps what was typed when it is refused', () => {
    const r = parseApprove({ firstDate: '내일', cycleDays: '5', repeatClaimant: 'yes' });
    assert.deepEqual(r.values, { firstDate: '내일', cycleDays: '5', note: '', repeatClaimant: 'yes' });
  });
});

describe('수급자격 불인정 (parseRejectClaim)', () => {
  const cases: { name: string; body: Record<string, unknown>; errors: string[] }[] = [
    { name: 'a code and an explanation', body: { code: 'R01', note: '180일 미만' }, errors: [] },
    { name: 'a code not on the list', body: { code: 'R99', note: '설명' }, errors: ['code'] },
    { name: 'an inherited property name as code', body: { code: 'toString', note: '설명' }, errors: ['code'] },
    { name: 'no explanation', body: { code: 'R02', note: '  ' }, errors: ['rejectNote'] },
    { name: 'nothing', body: {}, errors: ['code', 'rejectNote'] },
  ];
  for (const c of cases)
    it(c.name, () => {
      const r = parseRejectClaim(c.body);
      assert.deepEqual(errorsOf(r), c.errors);
      assert.equal(r.value === null, c.errors.length > 0);
    });

  it('the explanation is kept under rejectNote, the field the page shows', () => {
    const r = parseRejectClaim({ code: 'R03', note: `본인 ${RRN}` });
    assert.equal(r.values.code, 'R03');
    assert.equal(r.values.rejectNote, r.value?.note);
    assert.equal(r.value?.note.includes(RRN), false);
  });
});

describe('재취업 계획 메모 and 일한 날', () => {
  it('a note is trimmed, masked and cut to 2000 characters; empty is allowed', () => {
    assert.equal(parseNote({ note: '  면접 준비  ' }), '면접 준비');
    assert.equal(parseNote({}), '');
    assert.equal(parseNote({ note: 'x'.repeat(3000) }).length, 2000);
    assert.equal(parseNote({ note: RRN }).includes(RRN), false);
  });

  const days: [unknown, number][] = [
    ['3', 3],
    ['0', 0],
    ['40', 28],
    ['-2', 0],
    ['셋', 0],
    [undefined, 0],
  ];
  for (const [workedDays, expected] of days)
    it(`일한 날 ${String(workedDays)} → ${expected}`, () => assert.equal(parseWorkedDays({ workedDays }), expected));
});

describe('실업인정 불인정 (parseRejectRecognition)', () => {
  it('a code of the list, the fields named with the 차수', () => {
    const r = parseRejectRecognition({ code: 'N01', note: '활동 부족' }, 2);
    assert.deepEqual(r.errors, {});
    assert.deepEqual(r.value, { code: 'N01', note: '활동 부족' });
    assert.deepEqual(r.values, { rc2: 'N01', rn2: '활동 부족' });
  });
  it('no code: the message names the 차수', () => {
    const r = parseRejectRecognition({ note: '' }, 3);
    assert.equal(r.value, null);
    assert.match(r.errors.rc3 ?? '', /3차 실업인정의 불인정 사유/);
  });
  it('a code of the claim decisions is not one of these', () => {
    assert.deepEqual(errorsOf(parseRejectRecognition({ code: 'R01' }, 1)), ['rc1']);
  });
});

describe('실업인정일 변경 (parseMove)', () => {
  const good = { newDate: '2026-12-15', kind: 'illness', evidence: '진단서' };
  const cases: { name: string; body: Record<string, unknown>; errors: string[] }[] = [
    { name: 'a date and a reason', body: good, errors: [] },
    { name: 'no evidence (the service decides whether it is needed)', body: { ...good, evidence: '' }, errors: [] },
    { name: 'no date', body: { ...good, newDate: '' }, errors: ['newDate2'] },
    { name: 'a reason not on the list', body: { ...good, kind: 'holiday' }, errors: ['kind2'] },
    { name: 'nothing', body: {}, errors: ['kind2', 'newDate2'] },
  ];
  for (const c of cases)
    it(c.name, () => {
      const r = parseMove(c.body, 2);
      assert.deepEqual(errorsOf(r), c.errors);
      assert.equal(r.value === null, c.errors.length > 0);
    });

  it('the fields as posted (to post again) and as typed by 차수', () => {
    const r = parseMove({ ...good, evidence: ` ${RRN} ` }, 4);
    assert.equal(r.input.newDate, '2026-12-15');
    assert.equal(r.input.evidence.includes(RRN), false);
    assert.deepEqual(Object.keys(r.values).sort(), ['evidence4', 'kind4', 'newDate4']);
    assert.deepEqual(r.value, { ...r.input, kind: 'illness' });
  });

  it("the service's refusal: its fields named with the 차수, else the whole message under 사유", () => {
    assert.deepEqual(moveErrors(2, '안 됩니다', { newDate: '평일로' }), { newDate2: '평일로' });
    assert.deepEqual(moveErrors(2, '안 됩니다', undefined), { kind2: '안 됩니다' });
    assert.deepEqual(moveErrors(2, '안 됩니다', {}), { kind2: '안 됩니다' });
  });
});
