/** KRDS form fields: text inputs, selects, checkbox and radio groups, textareas, the error summary (src/web/components.ts) */
import { attr, type Html, type HtmlValue, html } from '../html.ts';
import { alert } from './feedback.ts';
import { type Lang, T } from './texts.ts';

export type FieldSize = 'small' | 'medium' | 'large';

interface FieldBase {
  id: string;
  name: string;
  label: HtmlValue;
  hint?: HtmlValue;
  /** Error message; marks the field invalid. */
  error?: HtmlValue;
  required?: boolean;
  disabled?: boolean;
  size?: FieldSize;
  lang?: Lang;
}

export interface TextInputOptions extends FieldBase {
  type?: 'text' | 'search' | 'email' | 'tel' | 'number' | 'password' | 'url' | 'date' | 'datetime-local' | 'month';
  value?: string | number;
  placeholder?: string;
  autocomplete?: string;
  inputmode?: 'text' | 'numeric' | 'decimal' | 'tel' | 'email' | 'search' | 'url' | 'none';
  maxlength?: number;
  readonly?: boolean;
}

function describedBy(id: string, hint: unknown, error: unknown): string | null {
  const ids = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter((x): x is string => x !== null);
  return ids.length ? ids.join(' ') : null;
}

function labelFor(id: string, label: HtmlValue, required: boolean | undefined, lang: Lang | undefined): Html {
  return html`<div class="form-tit">
			<label for="${id}">${label}${required ? html` <span class="ilteo-required">(${T[lang ?? 'ko'].required})</span>` : null}</label>
		</div>`;
}

function messages(id: string, hint: HtmlValue | undefined, error: HtmlValue | undefined): Html {
  return html`${
    error
      ? html`
		<p class="form-hint-invalid" id="${id}-error">${error}</p>`
      : null
  }${
    hint
      ? html`
		<p class="form-hint" id="${id}-hint">${hint}</p>`
      : null
  }`;
}

/** KRDS text input in a `form-group`, label associated, hint/error described. */
export function textInput(opts: TextInputOptions): Html {
  const cls = `krds-input${opts.size ? ` ${opts.size}` : ''}`;
  return html`<div class="form-group">
		${labelFor(opts.id, opts.label, opts.required, opts.lang)}
		<div class="form-conts${opts.error ? ' is-error' : ''}">
			<input type="${opts.type ?? 'text'}" id="${opts.id}" name="${opts.name}" class="${cls}"${attr('value', opts.value)}${attr('placeholder', opts.placeholder)}${attr('autocomplete', opts.autocomplete)}${attr('inputmode', opts.inputmode)}${attr('maxlength', opts.maxlength)}${attr('required', opts.required)}${attr('readonly', opts.readonly)}${attr('disabled', opts.disabled)}${attr('aria-invalid', opts.error ? 'true' : null)}${attr('aria-describedby', describedBy(opts.id, opts.hint, opts.error))}>
		</div>${messages(opts.id, opts.hint, opts.error)}
	</div>`;
}

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectOptions extends FieldBase {
  options: readonly SelectOption[];
  /** Selected value. */
  value?: string;
}

/** KRDS select in a `form-group`. */
export function select(opts: SelectOptions): Html {
  // `completed` always: KRDS's default select text colour is text-disabled (gray-40, ~3:1 contrast).
  const cls = `krds-form-select completed${opts.size ? ` ${opts.size}` : ''}${opts.error ? ' is-error' : ''}`;
  const options = opts.options.map(
    (o) => html`
				<option value="${o.value}"${attr('selected', o.value === opts.value)}${attr('disabled', o.disabled)}>${o.label}</option>`,
  );
  return html`<div class="form-group">
		${labelFor(opts.id, opts.label, opts.required, opts.lang)}
		<div class="form-conts">
			<select id="${opts.id}" name="${opts.name}" class="${cls}"${attr('required', opts.required)}${attr('disabled', opts.disabled)}${attr('aria-invalid', opts.error ? 'true' : null)}${attr('aria-describedby', describedBy(opts.id, opts.hint, opts.error))}>${options}
			</select>
		</div>${messages(opts.id, opts.hint, opts.error)}
	</div>`;
}

/* ------------------------------------------------- checkbox / radio groups (checkbox.html, radio_button.html) */

export interface ChoiceOption {
  value: string;
  label: HtmlValue;
  checked?: boolean;
  disabled?: boolean;
  /** Extra description under the label (`krds-form-check-cnt`). */
  description?: HtmlValue;
}

export interface ChoiceGroupOptions {
  name: string;
  legend: string;
  options: readonly ChoiceOption[];
  /** Prefix of the option ids (`<prefix>-<index>`); defaults to `name`. */
  idPrefix?: string;
  hint?: HtmlValue;
  error?: HtmlValue;
  /** One option per row (`chk-column`) instead of inline. */
  column?: boolean;
  lang?: Lang;
}

export interface CheckboxGroupOptions extends ChoiceGroupOptions {
  /**
   * Put the group in a native `<details>` disclosure (works without JavaScript). `'auto'` (default)
   * collapses when there are more than `collapseOver` options; the disclosure starts open when an
   * option is checked or there is an error.
   */
  collapsible?: boolean | 'auto';
  collapseOver?: number;
  open?: boolean;
}

function choiceGroup(type: 'checkbox' | 'radio', opts: ChoiceGroupOptions, visibleLegend: boolean): Html {
  const prefix = opts.idPrefix ?? opts.name;
  const hintId = opts.hint ? `${prefix}-hint` : null;
  const errorId = opts.error ? `${prefix}-error` : null;
  const described = [errorId, hintId].filter((x) => x !== null).join(' ') || null;
  const items = opts.options.map((o, i) => {
    const id = `${prefix}-${i + 1}`;
    const descId = o.description ? `${id}-desc` : null;
    return html`
				<div class="krds-form-check">
					<input type="${type}" name="${opts.name}" id="${id}" value="${o.value}"${attr('checked', o.checked)}${attr('disabled', o.disabled)}${attr('aria-describedby', descId)}>
					<label for="${id}">${o.label}</label>${
            o.description
              ? html`
					<div class="krds-form-check-cnt">
						<p class="krds-form-check-p" id="${descId}">${o.description}</p>
					</div>`
              : null
          }
				</div>`;
  });
  return html`<fieldset class="fieldset ilteo-fieldset"${attr('aria-describedby', described)}>
	<legend${attr('class', visibleLegend ? 'ilteo-legend' : null)}>${opts.legend}</legend>
	<div class="form-group">
		<div class="form-conts${opts.error ? ' is-error' : ''}">
			<div class="krds-check-area${opts.column ? ' chk-column' : ''}">${items}
			</div>
		</div>${
      opts.error
        ? html`
		<p class="form-hint-invalid" id="${errorId}">${opts.error}</p>`
        : null
    }${
      opts.hint
        ? html`
		<p class="form-hint" id="${hintId}">${opts.hint}</p>`
        : null
    }
	</div>
</fieldset>`;
}

/** KRDS checkboxes in a fieldset; many options go inside a `<details>` disclosure. */
export function checkboxGroup(opts: CheckboxGroupOptions): Html {
  const mode = opts.collapsible ?? 'auto';
  const collapse = mode === 'auto' ? opts.options.length > (opts.collapseOver ?? 6) : mode;
  if (!collapse) return choiceGroup('checkbox', opts, true);
  const checked = opts.options.filter((o) => o.checked).length;
  const open = opts.open ?? (checked > 0 || Boolean(opts.error));
  const t = T[opts.lang ?? 'ko'];
  return html`<details class="ilteo-details"${attr('open', open)}>
	<summary class="ilteo-details__summary"><span class="ilteo-details__title">${opts.legend}</span>${checked > 0 ? html` <span class="krds-badge small bg-light-primary">${t.selected(checked)}</span>` : null}</summary>
	<div class="ilteo-details__body">
	${choiceGroup('checkbox', opts, false)}
	</div>
</details>`;
}

/** KRDS radio buttons in a fieldset with a visible legend. */
export function radioGroup(opts: ChoiceGroupOptions): Html {
  return choiceGroup('radio', opts, true);
}

/* ------------------------------------------------------------------------ buttons (button.html) */

export function textarea(id: string, label: string, value: string, max: number, error?: string, hint?: string): Html {
  return html`<div class="form-group"><div class="form-tit"><label for="${id}">${label}</label></div>
	<div class="form-conts${error ? ' is-error' : ''}"><textarea id="${id}" name="${id}" class="krds-input" rows="5" maxlength="${max}"${error || hint ? html` aria-describedby="${[error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ')}"` : null}${error ? html` aria-invalid="true"` : null}>${value}</textarea></div>
	${error ? html`<p class="form-hint-invalid" id="${id}-error">${error}</p>` : null}${hint ? html`<p class="form-hint" id="${id}-hint">${hint}</p>` : null}</div>`;
}

/** The error summary above a form (KRDS): each message links to its field; `_form` is the whole form's. */
export function errorSummary(errors: Record<string, string>, title = '입력한 내용을 확인해 주세요'): Html | null {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return alert({
    variant: 'danger',
    title,
    body: html`<ul class="ilteo-error-list">${entries.map(([field, message]) =>
      field === '_form' ? html`<li>${message}</li>` : html`<li><a href="#${field}">${message}</a></li>`,
    )}</ul>`,
  });
}

/** A hint that lists rules, e.g. the password rules under a password field. */
export function rulesHint(title: string, rules: readonly string[]): Html {
  return html`<span>${title}</span> <ul class="ilteo-rules">${rules.map((r) => html`<li>${r}</li>`)}</ul>`;
}
