import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseEmployerSignUp, parseExternalSignUp, parseSeekerSignUp } from './signup-forms.ts';

const CENTRES = ['11010', '26010'];
const PASSWORD = 'Ilteo!2026x';
/** The fields with messages, in the order the error summary lists them. */
const errorsOf = (r: { errors: Record<string, string> }) => Object.keys(r.errors);

describe('개인회원 가입 (parseSeekerSignUp)', () => {
  const good = {
    loginId: ' Kim2025 ',
    password: PASSWORD,
    passwordConfirm: PASSWORD,
    name: ' 김민준 ',
    email: ' minjun@example.kr ',
    centreCode: '11010',
    terms: 'yes',
  };
  const cases: { name: string; body: Record<string, unknown>; errors: string[] }[] = [
    { name: 'everything filled in', body: good, errors: [] },
    { name: 'no e-mail and no 고용센터 (both optional)', body: { ...good, email: '', centreCode: '' }, errors: [] },
    { name: 'an ID that breaks the rule', body: { ...good, loginId: '1abc' }, errors: ['loginId'] },
    { name: 'a weak password', body: { ...good, password: 'abcdefghij' }, errors: ['password'] },
    { name: 'a confirmation that differs', body: { ...good, passwordConfirm: 'x' }, errors: ['passwordConfirm'] },
    { name: 'no name', body: { ...good, name: '  ' }, errors: ['name'] },
    { name: 'terms not agreed', body: { ...good, terms: undefined }, errors: ['terms'] },
    { name: 'an e-mail that is not one', body: { ...good, email: 'minjun@' }, errors: ['email'] },
    { name: 'a 고용센터 not on the list', body: { ...good, centreCode: '99999' }, errors: ['centreCode'] },
    {
      name: 'everything wrong, in the order of the form',
      body: { loginId: '', password: '', name: '', email: 'x', centreCode: 'x' },
      errors: ['loginId', 'password', 'name', 'terms', 'email', 'centreCode'],
    },
    {
      name: 'a password sent twice (an array) is no password',
      body: { ...good, password: [PASSWORD] },
      errors: ['password'],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const r = parseSeekerSignUp(c.body, CENTRES);
      assert.deepEqual(errorsOf(r), c.errors);
      assert.equal(r.value === null, c.errors.length > 0);
    });

  it('normalizes what it checked and keeps what was typed, never the password', () => {
    const r = parseSeekerSignUp(good, CENTRES);
    assert.deepEqual(r.value, {
      loginId: 'kim2025',
      password: PASSWORD,
      name: '김민준',
      email: 'minjun@example.kr',
      centreCode: '11010',
    });
    assert.equal(r.values.loginId, ' Kim2025 ');
    assert.equal(r.values.password, undefined);
    assert.deepEqual(parseSeekerSignUp({ ...good, email: ' ', centreCode: '' }, CENTRES).value?.email, null);
    assert.equal(parseSeekerSignUp({ ...good, centreCode: '' }, CENTRES).value?.centreCode, null);
  });
});

describe('기업회원 가입 (parseEmployerSignUp)', () => {
  const good = {
    busino: '123-45-67891',
    companyName: ' 일터상사 ',
    industry: ' 도매 및 소매업 ',
    loginId: 'ilteohr',
    password: PASSWORD,
    passwordConfirm: PASSWORD,
    name: '이서연',
    email: 'hr@example.kr',
    terms: 'yes',
  };
  const cases: { name: string; body: Record<string, unknown>; errors: string[] }[] = [
    { name: 'everything filled in', body: good, errors: [] },
    { name: 'no 사업자등록번호', body: { ...good, busino: '' }, errors: ['busino'] },
    { name: 'a 사업자등록번호 with a wrong check digit', body: { ...good, busino: '1248100997' }, errors: ['busino'] },
    { name: 'no 사업장명', body: { ...good, companyName: '' }, errors: ['companyName'] },
    { name: 'no 업종', body: { ...good, industry: '' }, errors: ['industry'] },
    { name: 'no e-mail (required here)', body: { ...good, email: '' }, errors: ['email'] },
    {
      name: 'everything wrong, in the order of the form',
      body: {},
      errors: ['loginId', 'password', 'name', 'terms', 'busino', 'companyName', 'industry', 'email'],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const r = parseEmployerSignUp(c.body);
      assert.deepEqual(errorsOf(r), c.errors);
      assert.equal(r.value === null, c.errors.length > 0);
    });

  it('stores the 사업자등록번호 as digits and keeps the 사업장 as typed for the form', () => {
    const r = parseEmployerSignUp(good);
    assert.equal(r.value?.busino, '1234567891');
    assert.equal(r.value?.companyName, '일터상사');
    assert.equal(r.value?.industry, '도매 및 소매업');
    assert.equal(r.values.busino, '123-45-67891');
    assert.equal(r.values.companyName, ' 일터상사 ');
  });
});

describe('간편 가입 (parseExternalSignUp)', () => {
  const good = { name: '박지호', email: '', centreCode: '26010', terms: 'yes' };
  const cases: { name: string; body: Record<string, unknown>; errors: string[] }[] = [
    { name: 'name, 고용센터 and terms', body: good, errors: [] },
    { name: 'no name', body: { ...good, name: '' }, errors: ['name'] },
    { name: 'an e-mail that is not one', body: { ...good, email: 'jiho@' }, errors: ['email'] },
    { name: 'a 고용센터 not on the list', body: { ...good, centreCode: '11' }, errors: ['centreCode'] },
    { name: 'terms not agreed', body: { ...good, terms: 'no' }, errors: ['terms'] },
    { name: 'nothing', body: {}, errors: ['name', 'terms'] },
  ];
  for (const c of cases)
    it(c.name, () => {
      assert.deepEqual(errorsOf(parseExternalSignUp(c.body, CENTRES)), c.errors);
    });

  it('gives the typed input even with errors (a repeat without a pending sign-up is not checked)', () => {
    const r = parseExternalSignUp({ name: ' 박지호 ', email: ' jiho@example.kr ', centreCode: '' }, []);
    assert.deepEqual(r.input, { name: '박지호', email: 'jiho@example.kr', centreCode: null });
    assert.deepEqual(errorsOf(r), ['terms']);
  });
});
