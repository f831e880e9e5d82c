/**
 * Every write of the route table, through the fault proxy (test/support/write-path.ts): each case runs
 * once cleanly and once with the connection cut right after the server's COMMIT of its command (so the
 * failover layer retries the whole transaction), each time followed by the same request with the same
 * key. Both runs must change the database identically (row counts of every table), answer alike, and
 * answer the repeat as the first. A write route without a case fails the coverage test.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Harness, openHarness, type RunResult, type WriteCase } from '../support/write-path.ts';
import { BENEFITS_CASES } from './write-path/benefits.ts';
import { IDENTITY_CASES } from './write-path/identity.ts';
import { INSURANCE_CERTIFICATE_CASES } from './write-path/insurance-certificates.ts';
import { INSURANCE_EMPLOYER_CASES } from './write-path/insurance-employer.ts';
import { INSURANCE_PERSON_CASES } from './write-path/insurance-person.ts';
import { MARKET_CASES } from './write-path/market.ts';
import { SEEKER_CASES } from './write-path/seeker.ts';
import { STATUS_CASES } from './write-path/status.ts';

const CASES: Record<string, WriteCase> = {
  ...IDENTITY_CASES,
  ...BENEFITS_CASES,
  ...MARKET_CASES,
  ...SEEKER_CASES,
  ...STATUS_CASES,
  ...INSURANCE_EMPLOYER_CASES,
  ...INSURANCE_PERSON_CASES,
  ...INSURANCE_CERTIFICATE_CASES,
};

const NOW = new Date('2026-12-02T01:00:00Z');

const answer = (r: RunResult['first']) => ({
  status: r.statusCode,
  location: r.headers.location ?? null,
  ...(/json/.test(String(r.headers['content-type'] ?? '')) ? { body: r.json() as unknown } : {}),
});

describe('the write path: every write route, through a lost COMMIT answer', () => {
  let h: Harness;
  before(async () => {
    h = await openHarness(() => NOW);
  });
  after(async () => {
    await h?.close();
  });

  it('has a case for every state-changing route, and no case for a route that is not one', () => {
    const routes = h.kit.app.writeRoutes.map((r) => `${r.method} ${r.url}`);
    assert.deepEqual(
      routes.filter((r) => !(r in CASES)),
      [],
      'write routes without a case',
    );
    assert.deepEqual(
      Object.keys(CASES).filter((c) => !routes.includes(c)),
      [],
      'cases for routes that do not exist',
    );
  });

  for (const [route, c] of Object.entries(CASES)) {
    it(`${route}: applied once, answered the same`, async () => {
      const declared = h.kit.app.writeRoutes.find((r) => `${r.method} ${r.url}` === route)?.command;
      const control = await h.run(c, false);
      const faulted = await h.run(c, true);
      const expected = c.status ?? 303;
      const excerpt = (r: RunResult['first']) => `${r.statusCode} ${r.body.slice(0, 300)}`;
      assert.equal(control.first.statusCode, expected, `control: ${excerpt(control.first)}`);
      assert.equal(faulted.first.statusCode, expected, `faulted: ${excerpt(faulted.first)}`);
      assert.equal(faulted.dropped, 1, 'the COMMIT answer was cut');
      for (const run of [control, faulted]) {
        const repeat = c.repeat ? c.repeat(run) : answer(run.first);
        assert.deepEqual(answer(run.repeat), repeat, 'the repeat is answered as the first');
      }
      assert.deepEqual(faulted.delta, control.delta, 'the same change with and without the lost COMMIT');
      if (declared && 'name' in declared) assert.equal(control.delta.command_outcomes, 1, 'one stored outcome');
    });
  }
});
