/**
 * The 이직확인서 form, read and checked (pure): 이직사유 (code, sub-code, the concrete reason), the wages
 * and days of the 임금계산기간 rows, 통상임금 (optional), 1일 소정근로시간 and the 보수 지급 기초일수 of
 * each month of the 기준기간. The rows and months are fixed by the 상실 신고 (certificate-rules.ts): the
 * form only carries their values. Nothing of the person is typed: who it is comes from the 상실 신고.
 */
import { formText } from '../web/forms.ts';
import { baseDayMonths, separationDateOf, type WagePeriod, wagePeriodError, wagePeriods } from './certificate-rules.ts';
import { lossCodeError } from './codes.ts';
import { hoursOf, splitLoss } from './report-forms.ts';
import type { MonthDays } from './unit-period.ts';

export type Errors = Record<string, string>;

export interface CertificateValues {
  lossCode: string;
  lossSubCode: string;
  reason: string;
  recentWages: WagePeriod[];
  ordinaryDailyWage: number | null;
  dailyHours: number;
  baseDays: MonthDays[];
}

/** What the form is for: the 상실 it rests on. */
export interface CertificateBasis {
  lostOn: string;
  acquiredOn: string | null;
}

/** The form's shape for a 상실: its rows and months (with the calendar days as starting values). */
export function certificateLayout(basis: CertificateBasis) {
  const separatedOn = separationDateOf(basis.lostOn);
  return {
    separatedOn,
    rows: wagePeriods(basis.lostOn, basis.acquiredOn),
    months: baseDayMonths(separatedOn, basis.acquiredOn),
  };
}

export const REASON_MAX = 500;

/** Every field name of the form for this 상실 (what is kept to show again). */
export function certificateFields(basis: CertificateBasis): string[] {
  const { rows, months } = certificateLayout(basis);
  return [
    'loss',
    'reason',
    'ordinaryDailyWage',
    'dailyHours',
    ...rows.flatMap((_, i) => [`wage-${i}`, `days-${i}`]),
    ...months.map((m) => `base-${m.month}`),
  ];
}

/** '2,500,000원' → 2500000; '' → null; anything else → NaN. */
function amount(raw: string): number | null {
  if (raw === '') return null;
  const n = Number(raw.replace(/[,\s원]/g, ''));
  return Number.isInteger(n) ? n : Number.NaN;
}

function days(raw: string): number {
  const n = Number(raw.replace(/\s|일/g, ''));
  return raw.trim() === '' ? Number.NaN : n;
}

function readWages(body: unknown, basis: CertificateBasis, errors: Errors): WagePeriod[] {
  return certificateLayout(basis).rows.map((r, i) => {
    const wage = amount(formText(body, `wage-${i}`, 20));
    const d = days(formText(body, `days-${i}`, 10));
    const row = { from: r.from, to: r.to, wage: wage ?? Number.NaN, days: d };
    if (wage === null) errors[`wage-${i}`] = `${r.from}~${r.to}에 지급한 임금 총액을 원 단위로 적어 주세요 (없으면 0).`;
    else if (Number.isNaN(d))
      errors[`days-${i}`] = `${r.from}~${r.to}의 일수를 적어 주세요 (그 기간의 날수 ${r.days}일에서 뺄 날만 뺍니다).`;
    else {
      const error = wagePeriodError(row);
      if (error) errors[Number.isInteger(wage) && wage >= 0 ? `days-${i}` : `wage-${i}`] = error;
    }
    return row;
  });
}

function readBaseDays(body: unknown, basis: CertificateBasis, errors: Errors): MonthDays[] {
  const { months } = certificateLayout(basis);
  return months.map(({ month, days: max }) => {
    const raw = formText(body, `base-${month}`, 10);
    const d = days(raw);
    if (Number.isNaN(d)) errors[`base-${month}`] = `${month}의 보수 지급 기초일수를 적어 주세요 (없으면 0).`;
    else if (!Number.isInteger(d) || d < 0 || d > max)
      errors[`base-${month}`] =
        `${month}의 보수 지급 기초일수는 0부터 ${max}일(그 달 가운데 기준기간·피보험기간 안의 날수)까지 적어 주세요.`;
    return { month, days: d };
  });
}

/** The 이직확인서 as posted for this 상실: the values, or Korean messages by field. */
export function parseCertificate(
  body: unknown,
  basis: CertificateBasis,
): { ok: true; value: CertificateValues } | { ok: false; errors: Errors } {
  const errors: Errors = {};
  const { code, subCode } = splitLoss(formText(body, 'loss', 20));
  const lossErr = code === '' ? '이직사유를 골라 주세요.' : lossCodeError(code, subCode);
  if (lossErr) errors.loss = lossErr;
  const reason = formText(body, 'reason', REASON_MAX + 100);
  if (reason === '') errors.reason = '구체적 이직사유를 적어 주세요 (예: 계약기간 만료, 재계약 제의 없음).';
  else if ([...reason].length > REASON_MAX) errors.reason = `구체적 이직사유는 ${REASON_MAX}자 이내로 적어 주세요.`;
  const recentWages = readWages(body, basis, errors);
  if (!Object.keys(errors).some((k) => /^(wage|days)-/.test(k)) && recentWages.every((r) => r.days === 0))
    errors['days-0'] = '평균임금을 계산할 일수가 없습니다. 임금계산기간의 일수를 적어 주세요.';
  const ordinary = amount(formText(body, 'ordinaryDailyWage', 20));
  if (ordinary !== null && (Number.isNaN(ordinary) || ordinary <= 0 || ordinary > 100_000_000))
    errors.ordinaryDailyWage = '1일 통상임금은 원 단위 숫자로 적거나 비워 두세요 (예: 95000).';
  const hours = hoursOf(formText(body, 'dailyHours', 10));
  if (typeof hours === 'string') errors.dailyHours = hours;
  const baseDays = readBaseDays(body, basis, errors);
  if (Object.keys(errors).length > 0 || typeof hours === 'string') return { ok: false, errors };
  return {
    ok: true,
    value: {
      lossCode: code,
      lossSubCode: subCode,
      reason,
      recentWages,
      ordinaryDailyWage: ordinary,
      dailyHours: hours,
      baseDays,
    },
  };
}

/** The form's starting values: from the latest 이직확인서 of this 상실 if any, else from the 상실 신고. */
export function certificateStart(
  basis: CertificateBasis,
  from: {
    lossCode: string | null;
    lossSubCode: string | null;
    reason: string | null;
    dailyHours: number | null;
    previous?: CertificateValues | null;
  },
): Record<string, string> {
  const { rows, months } = certificateLayout(basis);
  const p = from.previous ?? null;
  const values: Record<string, string> = {
    loss: p ? `${p.lossCode}|${p.lossSubCode}` : from.lossCode ? `${from.lossCode}|${from.lossSubCode ?? ''}` : '',
    reason: p?.reason ?? from.reason ?? '',
    ordinaryDailyWage: p?.ordinaryDailyWage ? String(p.ordinaryDailyWage) : '',
    dailyHours: p ? String(p.dailyHours) : from.dailyHours === null ? '' : String(from.dailyHours),
  };
  rows.forEach((r, i) => {
    const same = p?.recentWages.find((x) => x.from === r.from && x.to === r.to);
    values[`wage-${i}`] = same ? String(same.wage) : '';
    values[`days-${i}`] = String(same ? same.days : r.days);
  });
  for (const m of months) {
    const same = p?.baseDays.find((x) => x.month === m.month);
    values[`base-${m.month}`] = String(same ? same.days : m.days);
  }
  return values;
}
