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

/** 'YYYY-MM-DDTHH:mm' typed in Seoul time → ISO, or null. Seoul has no DST: always +09:00. */
export function parseSeoulLocal(value: string): string | null {
  // A datetime-local control sends 'YYYY-MM-DDTHH:mm' (':ss' when seconds were set); typed into a
  // browser without the control, a space in place of the T is read the same.
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?$/.exec(value.trim());
  if (!m) return null;
  const d = new Date(`${m[1]}T${m[2]}${m[3] ?? ':00'}+09:00`);
  // 2026-02-30 or 25:00 would roll over into another time: refused, not moved.
  if (Number.isNaN(d.getTime()) || toSeoulLocal(d.toISOString()) !== `${m[1]}T${m[2]}`) return null;
  return d.toISOString();
}

/** ISO → 'YYYY-MM-DDTHH:mm' in Seoul, for datetime-local inputs. */
export function toSeoulLocal(iso: string): string {
  return new Date(Date.parse(iso) + 9 * 3_600_000).toISOString().slice(0, 16);
}

/** A length of time as pages write it: '42초', '7분', '2시간 5분'. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 1) return `${Math.max(0, Math.round(ms / 1000))}초`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h}시간 ${m}분` : `${m}분`;
}

const SEOUL_SECONDS = new Intl.DateTimeFormat('ko-KR', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * The site's date-time (src/shared/dates.ts: '2026.11.30. 09:15') with the second, which an incident's
 * times need: '2026.11.30. 09:15:02' (Seoul time).
 */
/** A moment in Seoul to the second: '2026.11.30. 09:15:42' (incident times). */
export function seoulTime(iso: string | null): string {
  if (!iso) return '-';
  const parts = Object.fromEntries(SEOUL_SECONDS.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}.${parts.month}.${parts.day}. ${parts.hour}:${parts.minute}:${parts.second}`;
}
