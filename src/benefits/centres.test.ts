import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CommandOutcomeUnknownError } from '../db/commands.ts';
import type { JobCentre } from '../identity/accounts.ts';
import { centreChoices } from './centres.ts';
import { isUnavailable, journalInstead, unavailable } from './unavailable.ts';

const centre = (code: string): JobCentre => ({ code, name: code, sidoCd: '11', address: '', phone: '' });
const FRESH = [centre('seoul-gangnam'), centre('busan-buk')];
const SEEN = [centre('seoul-gangnam')];

/** A disk that remembers what it is given, starting with `seen` (or nothing). */
function disk(seen?: JobCentre[]) {
  let kept = seen;
  return {
    kept: () => kept,
    recall: async <T>() => kept as T | undefined,
    remember: async <T>(_name: 'centres', value: T) => {
      kept = value as JobCentre[];
    },
  };
}

describe('the centres the 수급자격 신청 form offers (centreChoices)', () => {
  const down = unavailable('no database', 'read');
  const cases: {
    name: string;
    database: () => Promise<JobCentre[]>;
    seen?: JobCentre[];
    databaseDown?: boolean;
    expected: JobCentre[] | 'throws';
  }[] = [
    { name: 'the database answers', database: async () => FRESH, seen: SEEN, expected: FRESH },
    { name: 'no database, a list seen before', database: async () => Promise.reject(down), seen: SEEN, expected: SEEN },
    { name: 'no database, nothing seen', database: async () => Promise.reject(down), expected: 'throws' },
    {
      name: 'another error is not hidden',
      database: async () => Promise.reject(new Error('bug')),
      seen: SEEN,
      expected: 'throws',
    },
    {
      name: 'known down: the list seen, without asking',
      database: async () => assert.fail('asked'),
      seen: SEEN,
      databaseDown: true,
      expected: SEEN,
    },
    {
      name: 'known down, nothing seen',
      database: async () => assert.fail('asked'),
      databaseDown: true,
      expected: 'throws',
    },
  ];
  for (const c of cases)
    it(c.name, async () => {
      const intake = disk(c.seen);
      const centres = centreChoices({ centres: c.database, intake, databaseDown: () => c.databaseDown === true });
      if (c.expected === 'throws') await assert.rejects(centres());
      else assert.deepEqual(await centres(), c.expected);
    });

  it('keeps what the database said for the next outage', async () => {
    const intake = disk(SEEN);
    await centreChoices({ centres: async () => FRESH, intake })();
    assert.deepEqual(intake.kept(), FRESH);
  });

  it('without a journal: the database or nothing', async () => {
    assert.deepEqual(await centreChoices({ centres: async () => FRESH })(), FRESH);
    await assert.rejects(centreChoices({ centres: async () => Promise.reject(down) })());
  });

  it('an outage with nothing seen fails as an outage (the outage page answers it)', async () => {
    await assert.rejects(centreChoices({ centres: async () => FRESH, databaseDown: () => true })(), (err) =>
      isUnavailable(err),
    );
  });
});

describe('errors of a database that does not answer', () => {
  it('a write no primary took may be journaled', () => {
    assert.equal(journalInstead(unavailable('no primary', 'write')), true);
    assert.equal(journalInstead(new Error('bug')), false);
    // The COMMIT may have landed: journaling it could apply it a second time.
    assert.equal(journalInstead(new CommandOutcomeUnknownError()), false);
    assert.equal(isUnavailable(new Error('bug')), false);
  });
});
