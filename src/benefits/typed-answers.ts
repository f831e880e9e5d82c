/**
 * A 수급자격 신청 whose facts were typed — in a full outage (the journal's form: no records could be
 * read) or at the counter from a paper form — meets the records once they can be read (pure): each fact
 * the claimant typed as the records have it is confirmed; each typed otherwise is kept as their dispute,
 * with what they wrote, for the counsellor. The records decide the claim, as they do online.
 */
import { FACT_KEYS, FACT_LABELS, type FactKey } from '../insurance/claim-facts.ts';
import { josa } from '../shared/korean.ts';
import type { FactAnswer } from './apply-forms.ts';
import type { ClaimFacts } from './calculate.ts';

type Facts = Pick<ClaimFacts, FactKey>;

/** A value as the claimant wrote it; null when they left it out (nothing to dispute). */
function typedValue(v: string | number | null | undefined): string | null {
  if (v === null || v === undefined || v === '') return null;
  return String(v);
}

export function answersFromTyped(records: Facts, typed: Facts): Record<FactKey, FactAnswer> {
  const answers = {} as Record<FactKey, FactAnswer>;
  for (const key of FACT_KEYS) {
    const wrote = typedValue(typed[key]);
    const differs = wrote !== null && wrote !== typedValue(records[key]);
    answers[key] = differs
      ? {
          answer: 'dispute',
          statement: `신청서(직접 적어 접수)에 ${josa(FACT_LABELS[key], '을/를')} ${josa(wrote, '으로/로')} 적었습니다.`,
        }
      : { answer: 'confirm', statement: '' };
  }
  return answers;
}
