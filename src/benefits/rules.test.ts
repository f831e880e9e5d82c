import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { ACTIVITY_CAPS, ACTIVITY_REQUIREMENTS, uncheckedRules } from './rules.ts';

describe('rule values not yet compared against the published text', () => {
  const record = fs.readFileSync(new URL('../../docs/decisions/0005-benefit-rules.md', import.meta.url), 'utf8');
  const unchecked = uncheckedRules();

  it('are tracked in code: the 재취업활동 requirements and caps among them', () => {
    assert.equal(ACTIVITY_REQUIREMENTS.checked, false);
    assert.equal(ACTIVITY_CAPS.checked, false);
    const names = unchecked.map((r) => r.name);
    assert.ok(names.includes('ACTIVITY_REQUIREMENTS'));
    assert.ok(names.includes('ACTIVITY_CAPS'));
    assert.ok(names.includes('AMOUNT_RULES[2026-01].upperDaily'));
    // 법률 제21473호's version keeps the 상한 in force until a new 시행령 amount: still to be compared.
    assert.ok(names.includes('AMOUNT_RULES[2028-01].upperDaily'));
  });

  it('are each listed in the decision record (docs/decisions/0005-benefit-rules.md)', () => {
    const missing = unchecked.map((r) => r.name.replace(/\[.*?\]/, '')).filter((n) => !record.includes(`\`${n}\``));
    assert.deepEqual([...new Set(missing)], []);
  });

  it('carry a citation that is only the provision: no note meant for maintainers', () => {
    for (const r of unchecked) assert.doesNotMatch(r.cite, /대조|확인 필요|검증|TODO|가정/, r.name);
  });
});
