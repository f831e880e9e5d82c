import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskName } from './talent.ts';

describe('a seeker’s name before they agree to be contacted (maskName)', () => {
  for (const [name, shown] of [
    ['김민준', '김○○'],
    ['남궁민수', '남○○○'],
    ['이', '○'],
    ['', '○'],
    ['Kim', 'K○○'],
  ] as const)
    it(`${name || '(empty)'} → ${shown}`, () => assert.equal(maskName(name), shown));
});
