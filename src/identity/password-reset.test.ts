import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Account } from './accounts.ts';
import {
  RESET_MINUTES,
  type ResetRequestOutcome,
  resetEmail,
  resetLinkState,
  resetRequestOutcome,
  resetUrl,
  type StoredLink,
} from './password-reset.ts';

describe('who gets a 비밀번호 찾기 e-mail', () => {
  type Row = Pick<Account, 'kind' | 'status' | 'email'>;
  const cases: [string, Row | undefined, ResetRequestOutcome][] = [
    ['no such account', undefined, 'no-account'],
    ['an active seeker with an e-mail', { kind: 'seeker', status: 'active', email: 'a@example.kr' }, 'sent'],
    ['an active employer with an e-mail', { kind: 'employer', status: 'active', email: 'hr@example.kr' }, 'sent'],
    ['a seeker without an e-mail', { kind: 'seeker', status: 'active', email: null }, 'no-email'],
    ['a seeker with a blank e-mail', { kind: 'seeker', status: 'active', email: '  ' }, 'no-email'],
    ['a disabled seeker', { kind: 'seeker', status: 'disabled', email: 'a@example.kr' }, 'disabled'],
    ['a disabled seeker without an e-mail', { kind: 'seeker', status: 'disabled', email: null }, 'disabled'],
    ['a counsellor', { kind: 'counsellor', status: 'active', email: 'c@ilteo.example' }, 'staff'],
    ['an operator', { kind: 'operator', status: 'active', email: 'o@ilteo.example' }, 'staff'],
    ['a disabled operator', { kind: 'operator', status: 'disabled', email: 'o@ilteo.example' }, 'disabled'],
  ];
  for (const [label, row, outcome] of cases)
    it(`${label} → ${outcome}`, () => assert.equal(resetRequestOutcome(row), outcome));
});

describe('whether a reset link may be used', () => {
  const now = new Date('2026-11-25T00:30:00Z');
  const link = (over: Partial<StoredLink>): StoredLink => ({
    expiresAt: '2026-11-25 00:45:00+00',
    usedAt: null,
    active: true,
    ...over,
  });
  const cases: [string, StoredLink | undefined, string][] = [
    ['unknown token', undefined, 'unknown'],
    ['fresh link', link({}), 'valid'],
    ['one second before expiry', link({ expiresAt: '2026-11-25 00:30:01+00' }), 'valid'],
    ['at expiry', link({ expiresAt: '2026-11-25 00:30:00+00' }), 'expired'],
    ['expired', link({ expiresAt: '2026-11-25 00:10:00+00' }), 'expired'],
    ['used', link({ usedAt: '2026-11-25 00:20:00+00' }), 'used'],
    ['used and expired', link({ usedAt: '2026-11-25 00:05:00+00', expiresAt: '2026-11-25 00:10:00+00' }), 'used'],
    ['account disabled since', link({ active: false }), 'unknown'],
  ];
  for (const [label, stored, state] of cases)
    it(`${label} → ${state}`, () => assert.equal(resetLinkState(stored, now), state));
});

describe('the reset e-mail', () => {
  it('holds the link, the ID, the time limit and how to get help, in Korean', () => {
    const url = resetUrl('https://ilteo.example.kr', 'abc_DEF-123');
    assert.equal(url, 'https://ilteo.example.kr/password/reset?token=abc_DEF-123');
    const mail = resetEmail({ name: '김민준', loginId: 'minjun', url });
    assert.match(mail.subject, /비밀번호 재설정/);
    assert.ok(mail.body.split('\n').includes(url), 'the link stands on a line of its own');
    assert.match(mail.body, /김민준 님/);
    assert.match(mail.body, /아이디 minjun/);
    assert.match(mail.body, new RegExp(`${RESET_MINUTES}분 안에`));
    assert.match(mail.body, /1350/);
  });
});
