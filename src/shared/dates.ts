/** Dates in Korea: Asia/Seoul has no DST, UTC+9 all year. */
const SEOUL_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Seoul as YYYY-MM-DD. */
export function seoulToday(now: Date = new Date()): string {
  return SEOUL_DATE.format(now);
}

/** Adds days to a YYYY-MM-DD date (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const WEEKDAYS = ['일', '월', '화', '수', '목', '금', '토'];

/**
 * The one date format of the site: '2026-11-25' (or an ISO time stamp, read in Seoul) →
 * '2026.11.25.' as Korean government sites print dates (국립국어원: 연월일 뒤마다 마침표).
 */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '-';
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : seoulDateOf(value);
  if (date === null) return '-';
  return `${date.replaceAll('-', '.')}.`;
}

/** The one date-time format: '2026.11.25. 14:05' in Seoul time (24-hour clock). */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '-';
  const at = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(at.getTime())) return '-';
  const parts = Object.fromEntries(SEOUL_DATE_TIME.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}.${parts.month}.${parts.day}. ${parts.hour === '24' ? '00' : parts.hour}:${parts.minute}`;
}

/** '2026-11-25' → '2026.11.25.(수)': the site's date with its day of the week, where the day matters. */
export function formatKoreanDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return `${formatDate(date)}(${WEEKDAYS[d.getUTCDay()]})`;
}

const SEOUL_DATE_TIME = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function seoulDateOf(value: string | Date): string | null {
  const at = value instanceof Date ? value : new Date(value);
  return Number.isNaN(at.getTime()) ? null : SEOUL_DATE.format(at);
}

/**
 * Adds calendar months to a YYYY-MM-DD date; a day missing in the target month becomes the month's
 * last day (2026-01-31 + 1 month = 2026-02-28).
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Whole years of age on `on` (만 나이). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * A year and month as people write them — 2021-03, 2021.03, 2021. 3., 2021/3, 2021년 3월, 202103 — as
 * 'YYYY-MM'; null when it is not one (month 1–12, year 1900–2099).
 */
export function normaliseYearMonth(input: string): string | null {
  const m = /^\s*((?:19|20)\d{2})\s*(?:[-./]\s*|년\s*)?(0?[1-9]|1[0-2])\s*(?:[.]|월)?\s*$/.exec(input);
  if (!m) return null;
  return `${m[1]}-${(m[2] ?? '').padStart(2, '0')}`;
}
