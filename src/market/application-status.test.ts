import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  APPLICATION_STATUS,
  type ApplicationStatus,
  canWithdraw,
  isEmployerStatus,
  isFinal,
  MOVABLE_FROM,
} from './application-status.ts';

describe('입사지원 statuses', () => {
  const cases: { status: ApplicationStatus; withdraw: boolean; final: boolean; employer: boolean; movable: boolean }[] =
    [
      { status: 'received', withdraw: true, final: false, employer: false, movable: true },
      { status: 'viewed', withdraw: true, final: false, employer: false, movable: true },
      { status: 'passed', withdraw: false, final: false, employer: true, movable: true },
      { status: 'interview', withdraw: false, final: false, employer: true, movable: true },
      { status: 'hired', withdraw: false, final: true, employer: true, movable: false },
      { status: 'rejected', withdraw: false, final: true, employer: true, movable: false },
      { status: 'withdrawn', withdraw: false, final: false, employer: false, movable: false },
    ];
  for (const c of cases)
    it(`${c.status} (${APPLICATION_STATUS[c.status]})`, () => {
      assert.equal(canWithdraw(c.status), c.withdraw);
      assert.equal(isFinal(c.status), c.final);
      assert.equal(isEmployerStatus(c.status), c.employer);
      assert.equal(MOVABLE_FROM.includes(c.status), c.movable);
    });
  it('a status nobody knows is not one an employer may set', () => assert.equal(isEmployerStatus('deleted'), false));
});
