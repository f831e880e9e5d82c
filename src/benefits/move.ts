/**
 * The rules of a 실업인정일 change (pure): who may move which 차수, until when, on what evidence, and
 * the schedule after the move.
 */
import type { Account } from '../identity/accounts.ts';
import { UserError } from '../web/errors.ts';
import type { ChangeKind, Recognition } from './model.ts';
import { type Calendar, moveRecognitionDate, type SchedulePeriod } from './schedule.ts';

/** What a 실업인정일 change would do: the 차수 it moves and the schedule after it. */
export interface MovePlan {
  target: Recognition;
  /** The schedule with the move applied (the moved 차수 ends on the new date, the next starts the day after). */
  periods: SchedulePeriod[];
}

/**
 * Checks a 실업인정일 change against the rules and plans it, without writing: the one place both the
 * confirmation page (previewMove) and the change itself (moveRecognition) ask. Throws a UserError with
 * the Korean reason when the change is not allowed.
 */
export function planMove(opts: {
  actor: Pick<Account, 'kind'>;
  today: string;
  claim: { personalChangeUsed: boolean; benefitPeriodEnd: string };
  rows: readonly Recognition[];
  seq: number;
  input: { newDate: string; kind: ChangeKind; evidence: string };
  calendar: Calendar;
}): MovePlan {
  const { actor, claim, input, seq } = opts;
  const target = opts.rows.find((r) => r.seq === seq);
  if (!target) throw new UserError(404, 'NOT_FOUND', '해당 차수의 실업인정이 없습니다.');
  if (target.status !== 'scheduled')
    throw new UserError(409, 'ALREADY_FILED', '이미 신청한 실업인정의 날짜는 바꿀 수 없습니다.');
  // Claimants ask in advance; staff may also move a date afterwards, on evidence (사후 인정).
  if (actor.kind === 'seeker' && opts.today >= target.scheduledDate)
    throw new UserError(
      422,
      'TOO_LATE',
      `실업인정일 변경은 실업인정일(${target.scheduledDate}) 전날까지 신청해야 합니다.`,
    );
  if (input.kind === 'personal' && claim.personalChangeUsed)
    throw new UserError(
      409,
      'PERSONAL_CHANGE_USED',
      '개인 사정으로 인한 변경은 수급 기간 중 한 번만 할 수 있습니다. 질병·면접 등 증빙이 있는 사유라면 그 사유를 골라 주세요.',
    );
  if (input.kind !== 'personal' && input.kind !== 'outage' && input.evidence.trim() === '')
    throw new UserError(
      422,
      'EVIDENCE_REQUIRED',
      '증빙 자료(진단서, 면접 확인서 등)를 적어 주세요. 상담원이 확인합니다.',
      {
        evidence: '증빙 자료를 적어 주세요.',
      },
    );
  const moved = moveRecognitionDate(
    opts.rows.map((r) => ({ seq: r.seq, date: r.scheduledDate, periodStart: r.periodStart, periodEnd: r.periodEnd })),
    seq,
    input.newDate,
    { calendar: opts.calendar, benefitPeriodEnd: claim.benefitPeriodEnd },
  );
  if (!moved.ok) throw new UserError(422, 'BAD_DATE', moved.error, { newDate: moved.error });
  return { target, periods: moved.periods };
}
