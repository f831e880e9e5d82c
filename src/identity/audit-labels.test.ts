import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { AUDIT_ACTION_LABELS, AUDIT_TARGET_LABELS, auditActionLabel, auditTargetLabel } from './audit-labels.ts';

/** Every .ts source under src/ (not tests). */
function sources(dir = new URL('..', import.meta.url).pathname): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('audit log labels', () => {
  it('labels a code, and shows an unknown code (or an inherited property name) as itself', () => {
    for (const [code, label] of [
      ['sign-in', '로그인'],
      ['claim.reject', '수급자격 불인정'],
      ['posting.closed', '채용공고 마감'],
      ['something.new', 'something.new'],
      ['__proto__', '__proto__'],
      ['toString', 'toString'],
    ] as const)
      assert.equal(auditActionLabel(code), label, code);
    assert.equal(auditTargetLabel('claim'), '수급자격 신청');
    assert.equal(auditTargetLabel('constructor'), 'constructor');
  });

  it('has a Korean label for every action and target type the code writes', () => {
    const text = sources()
      .map((p) => readFileSync(p, 'utf8'))
      .join('\n');
    // action: 'x.y', auditStaff(request, 'x.y', …) / auditLook / visibleClaim / claimToDecide (…, 'x.y'), a
    // service's log(…, 'x.y', …) or auditBy(database, actor, 'x.y', …), and the two computed ones
    // (account.disable|enable, posting.<status>), which the catalogue lists by hand.
    const actions = new Set([
      ...[...text.matchAll(/\baction: '([a-z][a-z.-]+)'/g)].map((m) => m[1]),
      ...[
        ...text.matchAll(
          /\b(?:auditStaff|auditLook|visibleClaim|claimToDecide|log|auditBy)\([^'\n]*?'([a-z][a-z.-]+\.[a-z.-]+)'/g,
        ),
      ].map((m) => m[1]),
      ...[...text.matchAll(/publish \? '([a-z.-]+)' : '([a-z.-]+)'/g)].flatMap((m) => [m[1], m[2]]),
    ]);
    assert.ok(actions.size > 30, `found only ${actions.size} action codes: the patterns no longer match the code`);
    const missing = [...actions].filter((a) => a !== undefined && !Object.hasOwn(AUDIT_ACTION_LABELS, a));
    assert.deepEqual(missing, []);
    const targets = new Set([...text.matchAll(/\{ type: '([a-z_]+)', id/g)].map((m) => m[1]));
    assert.ok(targets.size > 5);
    assert.deepEqual(
      [...targets].filter((t) => t !== undefined && !Object.hasOwn(AUDIT_TARGET_LABELS, t)),
      [],
    );
  });
});
