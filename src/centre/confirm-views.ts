/**
 * What cannot be undone — 수급자격 불인정, 실업인정 불인정, 실업인정일 변경 — goes through a confirmation page
 * that restates the effect (src/web/confirm.ts); here are those steps' words, and the notices a
 * recognition decision answers with.
 */
import { periodText } from '../benefits/labels.ts';
import {
  CHANGE_KINDS,
  type ChangeKind,
  type Claim,
  RECOGNITION_REJECTIONS,
  REJECTION_CODES,
  type Recognition,
} from '../benefits/service.ts';
import { formatDate, formatKoreanDate } from '../shared/dates.ts';
import { josa, won } from '../shared/korean.ts';
import type { ConfirmStep } from '../web/confirm.ts';
import type { MoveInput, RecognitionRejection, RejectionCode } from './claim-forms.ts';
import type { MovePreview } from './claim-service.ts';
import type { DecisionNotice } from './claim-views.ts';

/** A confirmation step without its token and cancel link (the route adds those). */
export type Step = Omit<ConfirmStep, 'csrf' | 'cancelHref'>;

export function rejectClaimStep(claim: Claim, input: { code: RejectionCode; note: string }): Step {
  const { code, note } = input;
  const reason = REJECTION_CODES[code];
  return {
    heading: '수급자격 불인정 확인',
    effect: `${claim.claimantName} 님의 수급자격 신청(${formatDate(claim.reportDate)} 실업신고)을 불인정합니다. 구직급여(1일 ${won(claim.dailyAmount)}, 소정급여일수 ${claim.benefitDays}일)를 받을 수 없게 되고 실업인정 일정도 만들지 않습니다. 사유: ${code} ${reason}`,
    details: [
      { term: '불인정 사유', description: `${code} ${reason}` },
      { term: '신청인에게 보일 설명', description: note },
      {
        term: '신청인에게 보이는 곳',
        description: '내 신청 화면 (결정을 안 날부터 90일 안에 심사를 청구할 수 있다는 안내와 함께)',
      },
    ],
    action: `/centre/claims/${claim.id}/reject`,
    fields: { code, note },
    confirmLabel: '불인정 확정',
  };
}

/** `days`: what a confirmation would pay, so what the 불인정 withholds. */
export function rejectRecognitionStep(
  claim: Claim,
  recognition: Recognition,
  days: number,
  input: { code: RecognitionRejection; note: string },
): Step {
  const { seq } = recognition;
  const reason = RECOGNITION_REJECTIONS[input.code];
  return {
    heading: `${seq}차 실업인정 불인정 확인`,
    effect: `${claim.claimantName} 님의 ${seq}차 실업인정(${periodText(recognition.periodStart, recognition.periodEnd)})을 불인정합니다. ${
      days > 0
        ? `이 기간의 구직급여 ${days}일분(${won(days * claim.dailyAmount)})이 지급되지 않습니다.`
        : '이 기간에는 지급할 구직급여가 없지만(대기기간 등) 불인정으로 기록됩니다.'
    } 사유: ${reason}`,
    details: [
      { term: '불인정 사유', description: reason },
      { term: '신청인에게 보일 설명', description: input.note || '(없음)' },
      { term: '신청인에게 보이는 곳', description: '내 신청 화면과 이 차수의 실업인정 화면' },
    ],
    action: `/centre/claims/${claim.id}/recognitions/${seq}/reject`,
    fields: { code: input.code, note: input.note },
    confirmLabel: '불인정 확정',
  };
}

/** `input`: the fields as posted (posted again); `kind`: their checked reason. */
export function moveStep(
  claim: Claim,
  recognition: Recognition,
  plan: MovePreview,
  input: MoveInput,
  kind: ChangeKind,
): Step {
  const { seq } = recognition;
  const to = formatKoreanDate(plan.moved.date);
  return {
    heading: `${seq}차 실업인정일 변경 확인`,
    effect: `${claim.claimantName} 님의 ${seq}차 실업인정일을 ${formatKoreanDate(recognition.scheduledDate)}에서 ${josa(to, '으로/로')} 바꿉니다. 대상 기간은 ${periodText(plan.moved.periodStart, plan.moved.periodEnd)}${plan.next ? `, ${plan.next.seq}차는 ${formatKoreanDate(plan.next.periodStart)}부터` : ''}가 됩니다.${kind === 'personal' ? ' 수급 기간 중 한 번뿐인 개인 사정 변경을 이것으로 씁니다.' : ''} 사유: ${CHANGE_KINDS[kind]}`,
    details: [
      { term: '새 실업인정일', description: to },
      { term: '사유', description: CHANGE_KINDS[kind] },
      { term: '확인한 증빙', description: input.evidence || '(없음)' },
      { term: '신청인에게 보이는 곳', description: '내 신청 화면의 실업인정 일정 (옮긴 이유와 함께)' },
    ],
    action: `/centre/claims/${claim.id}/recognitions/${seq}/move`,
    fields: { ...input },
    confirmLabel: '변경 확정',
  };
}

export function confirmedNotice(claim: Claim, seq: number, paid: { days: number; amount: number }): DecisionNotice {
  return {
    variant: 'success',
    title: `${seq}차 실업인정: ${paid.days}일 × ${won(claim.dailyAmount)} = ${won(paid.amount)} 지급을 기록했습니다.`,
  };
}

export function rejectedNotice(seq: number): DecisionNotice {
  return { variant: 'info', title: `${seq}차 실업인정을 불인정했습니다. 사유는 신청인에게 보입니다.` };
}

export function movedNotice(seq: number): DecisionNotice {
  return { variant: 'success', title: `${seq}차 실업인정일을 바꿨습니다. 신청인에게 보이고 원장에 남습니다.` };
}
