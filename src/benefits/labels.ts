/**
 * How a claim, a 실업인정 and a period are named, for the claimant's pages and the counsellor's alike:
 * labels and the open/missed state of a 실업인정 by date (pure).
 */
import { formatDate } from '../shared/dates.ts';
import type { Claim, Recognition } from './model.ts';

/** A period as the confirmation texts write it: '2026.11.20.~12.03.' (the year once when it is the same). */
export function periodText(start: string, end: string): string {
  const to = start.slice(0, 4) === end.slice(0, 4) ? `${end.slice(5).replace('-', '.')}.` : formatDate(end);
  return `${formatDate(start)}~${to}`;
}

export const CLAIM_STATUS: Record<Claim['status'], { label: string; color: 'primary' | 'success' | 'danger' }> = {
  submitted: { label: '심사 중', color: 'primary' },
  approved: { label: '수급자격 인정', color: 'success' },
  rejected: { label: '불인정', color: 'danger' },
};

export const RECOGNITION_STATUS: Record<Recognition['status'] | 'missed' | 'open', string> = {
  scheduled: '예정',
  open: '신청 가능',
  filed: '접수됨 (심사 중)',
  confirmed: '인정 (지급)',
  rejected: '불인정',
  missed: '신청하지 않음',
};

export function recognitionState(r: Recognition, today: string): keyof typeof RECOGNITION_STATUS {
  if (r.status !== 'scheduled') return r.status;
  if (today > r.scheduledDate) return 'missed';
  const opens = new Date(`${r.scheduledDate}T00:00:00Z`);
  opens.setUTCDate(opens.getUTCDate() - 6);
  return today >= opens.toISOString().slice(0, 10) ? 'open' : 'scheduled';
}
