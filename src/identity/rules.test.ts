import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  businoCheckDigit,
  businoError,
  containsPersonalNumber,
  emailError,
  isValidBusino,
  loginIdError,
  maskForLog,
  maskPersonalNumbers,
  nameError,
  newPasswordErrors,
  normalizeLoginId,
  passwordError,
  passwordRules,
} from './rules.ts';

describe('sign-in IDs', () => {
  const cases: [string, boolean][] = [
    ['kim2025', true],
    ['  Kim2025 ', true],
    ['ab', false],
    ['1abc', false],
    ['abc def', false],
    ['한글아이디', false],
    ["kim' OR 1=1--", false],
    ['a'.repeat(20), true],
    ['a'.repeat(21), false],
  ];
  for (const [raw, ok] of cases) {
    it(`${JSON.stringify(raw)} → ${ok ? 'valid' : 'invalid'}`, () => {
      assert.equal(loginIdError(raw) === null, ok);
    });
  }
  it('normalization is idempotent, and a valid ID is exactly its normalized form', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const n = normalizeLoginId(s);
        assert.equal(normalizeLoginId(n), n);
        if (loginIdError(s) === null) assert.match(n, /^[a-z][a-z0-9._-]{3,19}$/);
      }),
    );
  });
});

describe('password rules', () => {
  const cases: [string, string, boolean][] = [
    ['Ilteo!2026x', 'kim2025', true],
    ['abcdefghij', 'kim2025', false], // one kind, and a run
    ['qwerty!@#$', 'kim2025', true], // 10 chars, 2 kinds
    ['Qw9!zx', 'kim2025', false], // too short
    ['Qw9!zxcv', 'kim2025', true], // 8 chars, 4 kinds
    ['kim2025!Abc', 'kim2025', false], // contains the ID
    ['Passw0rd1111', 'kim2025', false], // four identical
    ['Xy!51234zz', 'kim2025', false], // 1234
    [`Aa1!${'x9'.repeat(31)}`, 'kim2025', false], // 66 characters
  ];
  for (const [password, id, ok] of cases) {
    it(`${JSON.stringify(password)} → ${ok ? 'accepted' : 'refused'}`, () => {
      assert.equal(passwordError(password, id) === null, ok, JSON.stringify(passwordRules(password, id)));
    });
  }
  it('never accepts fewer than 8 or more than 64 characters, nor a password containing the ID', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.stringMatching(/^[a-z][a-z0-9]{3,10}$/), (password, id) => {
        const n = [...password].length;
        if (passwordError(password, id) === null) {
          assert.ok(n >= 8 && n <= 64);
          assert.ok(!password.toLowerCase().includes(id));
        }
      }),
    );
  });
  it('every refusal names the rules that failed, in Korean', () => {
    const message = passwordError('aaaa', 'kim2025') ?? '';
    assert.match(message, /10자 이상/);
    assert.match(message, /반복/);
  });
});

describe('사업자등록번호', () => {
  it('accepts known valid numbers and refuses a changed last digit', () => {
    assert.equal(isValidBusino('124-81-00998'), true);
    assert.equal(isValidBusino('220-81-62517'), true);
    assert.equal(isValidBusino('124-81-00997'), false);
  });
  it('gives Korean messages', () => {
    assert.equal(businoError(''), '사업자등록번호를 입력해 주세요.');
    assert.match(businoError('12345') ?? '', /숫자 10자리/);
    assert.match(businoError('1248100997') ?? '', /올바르지 않습니다/);
    assert.equal(businoError('124 81 00998'), null);
  });
  it('the check digit makes any nine digits valid, and any other tenth digit invalid', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), fc.integer({ min: 0, max: 9 }), (nine, other) => {
        const check = businoCheckDigit(nine);
        assert.equal(isValidBusino(`${nine}${check}`), true);
        if (other !== check) assert.equal(isValidBusino(`${nine}${other}`), false);
      }),
    );
  });
});

describe('personal numbers are masked', () => {
  it('masks 주민등록번호-like numbers in text', () => {
    assert.equal(maskPersonalNumbers('주민번호 900101-1234567 입니다'), '주민번호 900101-1****** 입니다');
    assert.equal(maskPersonalNumbers('9001012345678'), '900101-2******');
    assert.equal(maskPersonalNumbers('전화 010-1234-5678'), '전화 010-1234-5678');
    assert.equal(containsPersonalNumber('900101 1234567'), true);
    assert.equal(containsPersonalNumber('공고번호 K172112409120001'), false);
  });
  it('never leaves the last six digits of an embedded number, and is idempotent', () => {
    const rrn = fc
      .tuple(
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 999_999 }),
        fc.constantFrom('-', '', ' '),
      )
      .map(([y, m, d, g, rest, sep]) => {
        const p = (n: number, w: number) => String(n).padStart(w, '0');
        return { text: `${p(y, 2)}${p(m, 2)}${p(d, 2)}${sep}${g}${p(rest, 6)}`, tail: p(rest, 6) };
      });
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), rrn, fc.string({ maxLength: 20 }), (before, n, after) => {
        const text = `${before.replace(/\d/g, '')} ${n.text} ${after.replace(/\d/g, '')}`;
        const masked = maskPersonalNumbers(text);
        assert.ok(!masked.includes(n.tail), masked);
        assert.equal(maskPersonalNumbers(masked), masked);
        assert.equal(containsPersonalNumber(masked), false);
      }),
    );
  });
});

describe('other fields', () => {
  it('email and name', () => {
    assert.equal(emailError(''), null);
    assert.match(emailError('', true) ?? '', /입력/);
    assert.equal(emailError('kim@example.kr'), null);
    assert.match(emailError('kim@') ?? '', /형식/);
    assert.match(emailError('<script>@x.kr') ?? '', /형식/);
    assert.equal(nameError('김민준'), null);
    assert.match(nameError(' ') ?? '', /입력/);
    assert.match(nameError('가'.repeat(51)) ?? '', /50자/);
  });
});

describe('log records', () => {
  it('masks personal numbers in nested strings and errors, keeping other values', () => {
    const err = new Error('bad value 900101-1234567');
    const out = maskForLog({ msg: '주민번호 9001011234567', n: 3, nested: { list: ['800202-2345678'] }, err }) as {
      msg: string;
      n: number;
      nested: { list: string[] };
      err: { message: string; stack: string };
    };
    assert.equal(out.msg, '주민번호 900101-1******');
    assert.equal(out.n, 3);
    assert.deepEqual(out.nested.list, ['800202-2******']);
    assert.equal(out.err.message, 'bad value 900101-1******');
    assert.ok(!out.err.stack.includes('1234567'));
  });
});

describe('a new password typed twice', () => {
  const cases: [string, string, string, string[]][] = [
    // password, confirmation, login ID, fields with an error
    ['Ilteo-2026!', 'Ilteo-2026!', 'minjun', []],
    ['Ilteo-2026!', 'Ilteo-2026?', 'minjun', ['newPasswordConfirm']],
    ['', '', 'minjun', ['newPassword']],
    ['short1!', 'short1!', 'minjun', ['newPassword']],
    ['minjun-2026!', 'minjun-2026!', 'minjun', ['newPassword']],
    ['abcd-Ilteo-9', 'abcd-Ilteo-9', 'minjun', ['newPassword']],
    // A rule broken and a different confirmation: the rule is reported, the confirmation is not checked.
    ['short1!', 'other', 'minjun', ['newPassword']],
  ];
  for (const [password, confirm, loginId, fields] of cases) {
    it(`${JSON.stringify(password)} / ${JSON.stringify(confirm)} → ${fields.join(', ') || 'no error'}`, () => {
      const errors = newPasswordErrors(password, confirm, loginId);
      assert.deepEqual(Object.keys(errors), fields);
      for (const message of Object.values(errors)) assert.match(message, /[가-힣]/);
    });
  }
});
