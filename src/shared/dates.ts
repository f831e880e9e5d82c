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

/** '2026-11-25' → '2026.11.25(수)' as Korean government sites print dates. */
export function formatKoreanDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return `${date.replaceAll('-', '.')}(${WEEKDAYS[d.getUTCDay()]})`;
}
