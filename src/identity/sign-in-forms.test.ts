import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLogin, parsePasswordChange, parseSessionPrefix, safeReturnTo } from './sign-in-forms.ts';

describe('where a sign-in may go next (safeReturnTo)', () => {
  const cases: [unknown, string][] = [
    ['/jobs?q=%EC%9A%94%EC%96%91', '/jobs?q=%EC%9A%94%EC%96%91'],
    ['/my', '/my'],
    [undefined, '/'],
    ['', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['/login?next=/my', '/'],
    ['/logout', '/'],
    [`/${'a'.repeat(600)}`, '/'],
    [['/my'], '/'],
  ];
  for (const [raw, expected] of cases)
    it(`${JSON.stringify(raw)?.slice(0, 40)} → ${expected}`, () => assert.equal(safeReturnTo(raw), expected));
});

describe('로그인 (parseLogin)', () => {
  const cases: { name: string; body: unknown; errors: string[] }[] = [
    { name: '아이디 and 비밀번호', body: { loginId: 'kim2025', password: 'x' }, errors: [] },
    { name: 'no 아이디', body: { loginId: '   ', password: 'x' }, errors: ['loginId'] },
    { name: 'no 비밀번호', body: { loginId: 'kim2025', password: '' }, errors: ['password'] },
    { name: 'nothing', body: undefined, errors: ['loginId', 'password'] },
    { name: 'fields that are not text', body: { loginId: ['a'], password: 1 }, errors: ['loginId', 'password'] },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(Object.keys(parseLogin(c.body).errors), c.errors));

  it('keeps the 아이디 and password as typed, cut to their lengths, and a safe next', () => {
    const r = parseLogin({ loginId: ` ${'k'.repeat(120)}`, password: ' pw ', next: 'https://evil.example' });
    assert.equal(r.loginId.length, 100);
    assert.equal(r.password, ' pw ');
    assert.equal(r.next, '/');
    assert.equal(parseLogin({ next: '/benefits' }).next, '/benefits');
  });
});

describe('비밀번호 바꾸기 (parsePasswordChange)', () => {
  it('checks the new password against the rules and its confirmation', () => {
    assert.deepEqual(
      Object.keys(parsePasswordChange({ newPassword: 'short', newPasswordConfirm: 'short' }, 'kim2025').errors),
      ['newPassword'],
    );
    assert.deepEqual(
      Object.keys(parsePasswordChange({ newPassword: 'Ilteo!2026x', newPasswordConfirm: 'x' }, 'kim2025').errors),
      ['newPasswordConfirm'],
    );
    const ok = parsePasswordChange(
      { currentPassword: ' old ', newPassword: 'Ilteo!2026x', newPasswordConfirm: 'Ilteo!2026x' },
      'kim2025',
    );
    assert.deepEqual(ok, { current: ' old ', next: 'Ilteo!2026x', errors: {} });
  });
});

describe('the session to sign out (parseSessionPrefix)', () => {
  const cases: [unknown, string | null][] = [
    ['0123456789abcdef', '0123456789abcdef'],
    ['0123456789ABCDEF', null],
    ['0123456789abcde', null],
    ['0123456789abcdef0', null],
    [undefined, null],
  ];
  for (const [session, expected] of cases)
    it(`${String(session)} → ${expected}`, () => assert.equal(parseSessionPrefix({ session }), expected));
});
