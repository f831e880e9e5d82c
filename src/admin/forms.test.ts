import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  parseAccountFilter,
  parseAuditFilter,
  parseNewStaffAccount,
  parseStaffPassword,
  parseStatusChange,
} from './forms.ts';

const PASSWORD = 'Correct-Horse-42';
const CENTRES = ['seoul-gangnam', 'busan'];
const errorsOf = (r: { errors: Record<string, string> }) => Object.keys(r.errors);

describe('계정 관리 filter (parseAccountFilter)', () => {
  const cases: { name: string; query: { kind?: string; q?: string }; kind: string | undefined; q: string }[] = [
    { name: 'nothing asked', query: {}, kind: undefined, q: '' },
    { name: 'a known kind', query: { kind: 'counsellor' }, kind: 'counsellor', q: '' },
    { name: 'an unknown kind is all kinds', query: { kind: 'admin' }, kind: undefined, q: '' },
    { name: 'the search text trimmed', query: { q: '  kim  ' }, kind: undefined, q: 'kim' },
    { name: 'the search text cut to 50 characters', query: { q: 'x'.repeat(80) }, kind: undefined, q: 'x'.repeat(50) },
  ];
  for (const c of cases)
    it(c.name, () => {
      assert.deepEqual(parseAccountFilter(c.query), { kind: c.kind, q: c.q });
    });
});

describe('직원 계정 만들기 (parseNewStaffAccount)', () => {
  const good = {
    kind: 'counsellor',
    centreCode: 'busan',
    loginId: ' Counsel.Kim ',
    name: ' 김상담 ',
    email: ' kim@example.kr ',
    password: PASSWORD,
  };
  const cases: { name: string; body: Record<string, unknown>; errors: string[] }[] = [
    { name: 'a counsellor with a centre', body: good, errors: [] },
    { name: 'an operator needs no centre', body: { ...good, kind: 'operator', centreCode: '' }, errors: [] },
    { name: 'no kind', body: { ...good, kind: '' }, errors: ['kind'] },
    { name: 'not a staff kind', body: { ...good, kind: 'seeker' }, errors: ['kind'] },
    { name: 'a counsellor without a centre', body: { ...good, centreCode: '' }, errors: ['centreCode'] },
    { name: 'a centre that does not exist', body: { ...good, centreCode: 'mars' }, errors: ['centreCode'] },
    { name: 'a login ID against the rules', body: { ...good, loginId: '1abc' }, errors: ['loginId'] },
    { name: 'no name', body: { ...good, name: ' ' }, errors: ['name'] },
    { name: 'no e-mail (required for staff)', body: { ...good, email: '' }, errors: ['email'] },
    { name: 'a weak password', body: { ...good, password: 'abc' }, errors: ['password'] },
    {
      name: 'every field wrong, in the order of the form',
      body: { kind: 'x', loginId: '', name: '', email: 'no', password: '' },
      errors: ['kind', 'loginId', 'name', 'email', 'password'],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const r = parseNewStaffAccount(c.body, CENTRES);
      assert.deepEqual(errorsOf(r), c.errors);
      assert.equal(r.value === null, c.errors.length > 0);
    });

  it('normalises the login ID, trims name and e-mail, and keeps what was typed (not the password)', () => {
    const r = parseNewStaffAccount(good, CENTRES);
    assert.deepEqual(r.value, {
      kind: 'counsellor',
      loginId: 'counsel.kim',
      password: PASSWORD,
      name: '김상담',
      email: 'kim@example.kr',
      centreCode: 'busan',
    });
    assert.deepEqual(r.values, {
      kind: 'counsellor',
      centreCode: 'busan',
      loginId: ' Counsel.Kim ',
      name: ' 김상담 ',
      email: ' kim@example.kr ',
    });
  });

  it("an operator's centre is not kept", () => {
    assert.equal(parseNewStaffAccount({ ...good, kind: 'operator' }, CENTRES).value?.centreCode, null);
  });
});

describe('직원 비밀번호 다시 정하기 (parseStaffPassword)', () => {
  it('a good password, read untrimmed', () => {
    assert.deepEqual(parseStaffPassword({ password: ` ${PASSWORD}` }, 'counsel.kim'), {
      password: ` ${PASSWORD}`,
      error: null,
    });
  });
  it('none given', () => {
    assert.equal(parseStaffPassword({}, 'counsel.kim').error, '비밀번호를 입력해 주세요.');
  });
  it('one holding the login ID', () => {
    assert.match(parseStaffPassword({ password: 'counsel.kim-2026!' }, 'counsel.kim').error ?? '', /아이디를 포함/);
  });
});

describe('사용 중지 / 다시 사용 (parseStatusChange)', () => {
  const cases: { name: string; body: Record<string, unknown>; status: string | null; reason: string | null }[] = [
    { name: '다시 사용', body: { status: 'active' }, status: 'active', reason: null },
    {
      name: '사용 중지 with a reason',
      body: { status: 'disabled', reason: 'left' },
      status: 'disabled',
      reason: 'left',
    },
    { name: '사용 중지 without a reason', body: { status: 'disabled' }, status: 'disabled', reason: null },
    {
      name: 'a reason that is not listed',
      body: { status: 'disabled', reason: 'toString' },
      status: 'disabled',
      reason: null,
    },
    { name: 'neither status', body: { status: 'deleted' }, status: null, reason: null },
    { name: 'no body', body: {}, status: null, reason: null },
  ];
  for (const c of cases)
    it(c.name, () => {
      const r = parseStatusChange(c.body);
      assert.equal(r.status, c.status);
      assert.equal(r.reason, c.reason);
    });

  it('the note is trimmed, cut to 300 characters and a 주민등록번호 in it masked', () => {
    assert.equal(
      parseStatusChange({ status: 'disabled', note: '  본인 900101-1234567 요청  ' }).values.note,
      '본인 900101-1****** 요청',
    );
    assert.equal(parseStatusChange({ note: 'x'.repeat(400) }).values.note.length, 300);
  });
});

describe('감사 로그 filter (parseAuditFilter)', () => {
  it('an action code cut to 50 characters, staff only when staff=1', () => {
    assert.deepEqual(parseAuditFilter({}), { action: '', staffOnly: false });
    assert.deepEqual(parseAuditFilter({ action: 'account.create', staff: '1' }), {
      action: 'account.create',
      staffOnly: true,
    });
    assert.deepEqual(parseAuditFilter({ action: 'a'.repeat(60), staff: 'yes' }), {
      action: 'a'.repeat(50),
      staffOnly: false,
    });
  });
});
