/** The monthly availability report as CSV (UTF-8 with BOM, for Korean spreadsheet programs). */
import type { MonthlyRow } from './uptime.ts';

function csvCell(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function monthlyCsv(rows: readonly MonthlyRow[]): string {
  const header = [
    '서비스 ID',
    '서비스',
    '월',
    '가용률(%)',
    '전체 장애(분)',
    '부분 장애(분)',
    '점검(분)',
    '자료 없음(분)',
    '장애 건수',
  ];
  const lines = rows.map((r) =>
    [
      r.service,
      r.name,
      r.month,
      r.availabilityPercent,
      r.downMinutes,
      r.partialMinutes,
      r.maintenanceMinutes,
      r.noDataMinutes,
      r.incidents,
    ]
      .map(csvCell)
      .join(','),
  );
  // BOM: spreadsheet programs in Korea open UTF-8 CSV correctly only with it.
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
