/**
 * 허위·과장 구인광고 신고 (reports on job postings): validation (pure) and filing (exactly once per
 * idempotency key, safe to retry through a database failover).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { maskPersonalNumbers } from '../identity/rules.ts';
import { formatNumber } from '../shared/korean.ts';

export const REPORT_REASONS = {
  false_wage: '임금·근로조건이 실제와 다름',
  fee: '취업 알선 대가로 금품을 요구함',
  fake_company: '존재하지 않거나 다른 회사를 사칭함',
  discrimination: '성별·연령 등 차별적 채용 조건',
  illegal: '불법·유해 업무 (다단계, 대출, 명의 대여 등)',
  other: '기타',
} as const;
export type ReportReason = keyof typeof REPORT_REASONS;

export const MAX_DETAIL_CHARS = 1_000;
export { IDEMPOTENCY_KEY } from '../web/forms.ts';

export interface ReportInput {
  reason: ReportReason;
  detail: string;
}

export type ReportValidation = { ok: true; value: ReportInput } | { ok: false; errors: Record<string, string> };

export function validateReport(raw: { reason?: unknown; detail?: unknown }): ReportValidation {
  const errors: Record<string, string> = {};
  const reason = typeof raw.reason === 'string' ? raw.reason : '';
  if (!reason) errors.reason = '신고 사유를 선택해 주세요.';
  else if (!Object.hasOwn(REPORT_REASONS, reason))
    errors.reason = '신고 사유가 올바르지 않습니다. 목록에서 선택해 주세요.';
  // A 주민등록번호 typed into the text is never stored in full.
  const detail = maskPersonalNumbers((typeof raw.detail === 'string' ? raw.detail : '').replace(/\r\n/g, '\n').trim());
  if ([...detail].length > MAX_DETAIL_CHARS)
    errors.detail = `상세 내용은 ${formatNumber(MAX_DETAIL_CHARS)}자 이내로 적어 주세요. (현재 ${formatNumber([...detail].length)}자)`;
  else if (reason === 'other' && detail.length === 0) errors.detail = '기타 사유는 상세 내용을 적어 주세요.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { reason: reason as ReportReason, detail } };
}

export interface FiledReport extends Record<string, unknown> {
  id: number;
  receiptNo: string;
  wantedAuthNo: string;
  reason: ReportReason;
  createdAt: string;
  /** False when this key had already filed the report (a repeat): nothing new was written. */
  created: boolean;
}

/** 접수번호: 신고-YYYYMMDD-000123 (Asia/Seoul date of filing). */
const RECEIPT = sql`'신고-' || to_char(created_at AT TIME ZONE 'Asia/Seoul', 'YYYYMMDD') || '-' || lpad(id::text, 6, '0')`;
const FILED_COLUMNS = sql`id::int AS id, ${RECEIPT} AS "receiptNo", wanted_auth_no AS "wantedAuthNo", reason,
  created_at::text AS "createdAt"`;

/**
 * Files a report exactly once per idempotency key. Returns the existing report when the key was used
 * before (a double click, or a retry whose first attempt committed before its connection died).
 */
export async function fileReport(
  database: Database,
  key: string,
  wantedAuthNo: string,
  input: ReportInput,
): Promise<FiledReport> {
  return database.transaction(async (tx) => {
    const inserted = await tx.query<FiledReport>(
      sql`INSERT INTO posting_reports (idempotency_key, wanted_auth_no, reason, detail)
          VALUES (${key}, ${wantedAuthNo}, ${input.reason}, ${input.detail})
          ON CONFLICT (idempotency_key) DO NOTHING
          RETURNING ${FILED_COLUMNS}, true AS created`,
    );
    if (inserted[0]) return inserted[0];
    const [existing] = await tx.query<FiledReport>(
      sql`SELECT ${FILED_COLUMNS}, false AS created FROM posting_reports WHERE idempotency_key = ${key}`,
    );
    if (!existing) throw new Error('unreachable: idempotency key conflicted but no row found');
    return existing;
  });
}
