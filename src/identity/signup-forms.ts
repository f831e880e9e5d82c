/**
 * The 회원가입 forms, read and checked (pure): 개인회원, 기업회원 and a first-time provider user's
 * 간편 가입. What was typed comes back in `values` (never the passwords), Korean messages per field in
 * `errors` (in the order the error summary lists them), and the checked input in `value`.
 */
import { type Errors, formRawText, type Values } from '../web/forms.ts';
import {
  businoError,
  emailError,
  loginIdError,
  nameError,
  normalizeBusino,
  normalizeLoginId,
  passwordError,
} from './rules.ts';

type Parsed<T> = { values: Values; errors: Errors; value: T | null };
const done = <T>(values: Values, errors: Errors, value: T): Parsed<T> => ({
  values,
  errors,
  value: Object.keys(errors).length > 0 ? null : value,
});

const CENTRE_UNKNOWN = '목록에 있는 고용센터를 골라 주세요.';
const TERMS_REQUIRED = '이용약관과 개인정보 수집·이용에 동의해 주세요.';

/** 아이디, 비밀번호 (twice), 이름 and 약관 동의: what both password sign-ups ask. */
function accountErrors(body: unknown): { values: Values; errors: Errors } {
  const values: Values = {
    loginId: formRawText(body, 'loginId', 100),
    name: formRawText(body, 'name', 100),
    email: formRawText(body, 'email', 300),
    centreCode: formRawText(body, 'centreCode', 50),
    terms: formRawText(body, 'terms', 10),
  };
  const password = formRawText(body, 'password', 200);
  const errors: Errors = {};
  const id = loginIdError(values.loginId ?? '');
  if (id) errors.loginId = id;
  const pw = passwordError(password, values.loginId);
  if (pw) errors.password = pw;
  else if (password !== formRawText(body, 'passwordConfirm', 200))
    errors.passwordConfirm = '비밀번호 확인이 비밀번호와 다릅니다.';
  const name = nameError(values.name ?? '');
  if (name) errors.name = name;
  if (values.terms !== 'yes') errors.terms = TERMS_REQUIRED;
  return { values, errors };
}

export interface SeekerSignUp {
  loginId: string;
  password: string;
  name: string;
  email: string | null;
  centreCode: string | null;
}

/** 개인회원 가입: the e-mail is optional, the 고용센터 (optional) one of `centreCodes`. */
export function parseSeekerSignUp(body: unknown, centreCodes: readonly string[]): Parsed<SeekerSignUp> {
  const { values, errors } = accountErrors(body);
  const email = emailError(values.email ?? '');
  if (email) errors.email = email;
  if (values.centreCode && !centreCodes.includes(values.centreCode)) errors.centreCode = CENTRE_UNKNOWN;
  return done(values, errors, {
    loginId: normalizeLoginId(values.loginId ?? ''),
    password: formRawText(body, 'password', 200),
    name: (values.name ?? '').trim(),
    email: values.email?.trim() || null,
    centreCode: values.centreCode || null,
  });
}

export interface EmployerSignUp {
  loginId: string;
  password: string;
  name: string;
  email: string | null;
  busino: string;
  companyName: string;
  industry: string;
}

/** 기업회원 가입: the 사업장 (사업자등록번호, 사업장명, 업종) and the 담당자, whose e-mail is required. */
export function parseEmployerSignUp(body: unknown): Parsed<EmployerSignUp> {
  const { values, errors } = accountErrors(body);
  const businoTyped = formRawText(body, 'busino', 20);
  const companyName = formRawText(body, 'companyName', 100);
  const industry = formRawText(body, 'industry', 100);
  Object.assign(values, { busino: businoTyped, companyName, industry });
  const busino = businoError(businoTyped);
  if (busino) errors.busino = busino;
  const company = nameError(companyName, '사업장명');
  if (company) errors.companyName = company;
  const industryError = nameError(industry, '업종');
  if (industryError) errors.industry = industryError;
  const email = emailError(values.email ?? '', true);
  if (email) errors.email = email;
  return done(values, errors, {
    loginId: normalizeLoginId(values.loginId ?? ''),
    password: formRawText(body, 'password', 200),
    name: (values.name ?? '').trim(),
    email: values.email?.trim() || null,
    busino: normalizeBusino(businoTyped) ?? '',
    companyName: companyName.trim(),
    industry: industry.trim(),
  });
}

export interface ExternalSignUp {
  name: string;
  email: string | null;
  centreCode: string | null;
}

/**
 * 간편 가입 of a first-time provider user: 이름, 이메일 (optional), 고용센터 (optional, one of
 * `centreCodes`) and 약관 동의. Unlike the others, `input` is what was typed even when there are errors:
 * without a pending sign-up the form is not checked (the post may repeat one already done).
 */
export function parseExternalSignUp(
  body: unknown,
  centreCodes: readonly string[],
): { values: Values; errors: Errors; input: ExternalSignUp } {
  const values: Values = {
    name: formRawText(body, 'name', 100),
    email: formRawText(body, 'email', 300),
    centreCode: formRawText(body, 'centreCode', 50),
    terms: formRawText(body, 'terms', 10),
  };
  const errors: Errors = {};
  const name = nameError(values.name ?? '');
  if (name) errors.name = name;
  const email = emailError(values.email ?? '');
  if (email) errors.email = email;
  if (values.centreCode && !centreCodes.includes(values.centreCode)) errors.centreCode = CENTRE_UNKNOWN;
  if (values.terms !== 'yes') errors.terms = TERMS_REQUIRED;
  return {
    values,
    errors,
    input: {
      name: (values.name ?? '').trim(),
      email: values.email?.trim() || null,
      centreCode: values.centreCode || null,
    },
  };
}
