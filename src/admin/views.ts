/**
 * Pieces of the operators' pages (운영 관리): the staff account kind and the password hint.
 */
import { passwordRuleTexts } from '../identity/rules.ts';
import { radioGroup, rulesHint } from '../web/components.ts';
import type { Errors, Values } from '../web/forms.ts';
import type { Html } from '../web/html.ts';

export function kindChoice(values: Values, errors: Errors): Html {
  return radioGroup({
    name: 'kind',
    legend: '계정 종류',
    options: [
      { value: 'counsellor', label: '상담원 (고용센터 소속)', checked: values.kind !== 'operator' },
      { value: 'operator', label: '운영자', checked: values.kind === 'operator' },
    ],
    ...(errors.kind ? { error: errors.kind } : {}),
  });
}

/** The password rules under a staff password field (the same rules as everyone's). */
export function passwordHint(): Html {
  return rulesHint('비밀번호 규칙:', passwordRuleTexts());
}
