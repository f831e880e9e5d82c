/** What the bulk 신고 files (취득, 상실) come to, and how a file is known when it is sent again. */
import { createHmac } from 'node:crypto';
import type { CsvError } from './csv.ts';

/** What a bulk file came to: the rows filed (this time or when the same file came before) and the errors. */
export type CsvResult = {
  total: number;
  /** `on`: the 취득일 or 상실일 filed. */
  filed: { row: number; personName: string; personMasked: string; on: string; dueOn: string; late: boolean }[];
  errors: CsvError[];
};

/**
 * A bulk file's key: a keyed hash of its text (line ends and the ends trimmed) and the workplace, so the
 * same file sent again is known; `kind` keeps a 취득 file and a 상실 file apart.
 */
export function csvFileKey(secret: string, workplaceId: number, text: string, kind: 'acquire' | 'lose'): string {
  const digest = createHmac('sha256', secret)
    .update(`${workplaceId}\n${text.replace(/\r\n/g, '\n').trim()}`)
    .digest('base64url');
  return kind === 'acquire' ? `csv:${digest}` : `csv-lose:${digest}`;
}
