import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Account } from '../identity/accounts.ts';
import { UserError } from '../web/errors.ts';
import { scopeOf } from './scope.ts';

const account = (kind: Account['kind'], centreCode: string | null) => ({ kind, centreCode }) as Account;

describe('scopeOf', () => {
  it("a counsellor sees their own centre's", () => assert.equal(scopeOf(account('counsellor', '11010')), '11010'));
  it('an operator sees every centre (null), whatever centre the account has', () => {
    assert.equal(scopeOf(account('operator', null)), null);
    assert.equal(scopeOf(account('operator', '11010')), null);
  });
  it('a counsellor without a centre is refused (403), not shown every centre', () =>
    assert.throws(
      () => scopeOf(account('counsellor', null)),
      (err) => err instanceof UserError && err.statusCode === 403 && err.code === 'NO_CENTRE',
    ));
});
