/**
 * The confirmation step of an action that cannot be undone (불인정, 실업인정일 변경, 계정 사용 중지 …):
 * a page that restates the effect in words, and a second form carrying the same values plus
 * `confirm=yes` to the same address. The step itself writes nothing; only the confirmed post does.
 * Works without JavaScript. The form posts where the first one did, so it keeps that form's
 * idempotency key (withFormKeys): pressing the button twice applies the action once.
 */
import { alert, button, type DescriptionItem, descriptionList, linkButton } from './components.ts';
import { type Html, type HtmlValue, html } from './html.ts';
import { csrfField } from './security.ts';

export const CONFIRM_FIELD = 'confirm';

/** Whether a post is the confirmed one (the second form's `confirm=yes`). */
export function isConfirmed(body: unknown): boolean {
  return (body as Record<string, unknown> | undefined)?.[CONFIRM_FIELD] === 'yes';
}

export interface ConfirmStep {
  heading: string;
  /** The effect in one or two sentences: who, what, and what it costs them. */
  effect: HtmlValue;
  /** The values the action will be applied with (사유, 설명 …). */
  details?: readonly DescriptionItem[];
  action: string;
  csrf: string;
  /** The values posted again, as they were typed. */
  fields: Readonly<Record<string, string>>;
  confirmLabel: string;
  cancelHref: string;
  cancelLabel?: string;
}

export function confirmStep(opts: ConfirmStep): Html {
  return html`<div class="ilteo-narrow"><h1 class="heading-xlarge">${opts.heading}</h1>
${alert({
  variant: 'warning',
  title: opts.effect,
  body: '이 작업은 되돌릴 수 없습니다. 내용을 확인한 뒤 아래 단추를 누르세요. 누르기 전에는 아무것도 바뀌지 않습니다.',
})}
${opts.details && opts.details.length > 0 ? descriptionList({ items: opts.details, label: '적용할 내용' }) : null}
<form method="post" action="${opts.action}" novalidate>
	${csrfField(opts.csrf)}
	${Object.entries(opts.fields).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
	<input type="hidden" name="${CONFIRM_FIELD}" value="yes">
	<div class="ilteo-actions">${button({ label: opts.confirmLabel, type: 'submit', size: 'large' })} ${linkButton({ href: opts.cancelHref, label: opts.cancelLabel ?? '취소하고 돌아가기', variant: 'secondary', size: 'large' })}</div>
</form></div>`;
}
