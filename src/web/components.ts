/**
 * Typed builders for the KRDS components a job-search site needs. Markup follows
 * `krds-uiux/html/code/*.html` (class names, nesting) so KRDS CSS applies, with these deliberate
 * additions for accessibility and no-JavaScript use:
 *
 * - Inputs get `aria-describedby` for their hint/error and `aria-invalid` on error (KRDS examples
 *   leave the hint unassociated). Hint classes must come first in `class` (KRDS selects them with
 *   `[class^=form-hint]`).
 * - Checkbox/radio groups are real `<fieldset>`s. KRDS hides every `<legend>` and `<caption>`
 *   visually (reset to sr-only); `ilteo-legend` / `ilteo-caption` (ilteo.css) make them visible.
 * - Collapsible groups use a native `<details class="ilteo-details">`; KRDS's `.krds-disclosure` is not used because its
 *   content is `max-height: 0` until JavaScript adds `.active`.
 * - Pagination is a `<nav>` of links; the disabled previous/next is a `<span>` (no `href`).
 * - Tables scroll horizontally on narrow screens (KRDS sets `min-width: 73.2rem`), so the wrapper is
 *   a focusable, labelled region.
 * - No inline `style` attributes anywhere: the app's CSP has `style-src 'self'`.
 */
import { attr, type Html, type HtmlValue, html } from './html.ts';

export type Lang = 'ko' | 'en';

const T = {
  ko: {
    pagination: '페이지 탐색',
    prev: '이전',
    next: '다음',
    prevPage: '이전 페이지',
    nextPage: '다음 페이지',
    current: '현재페이지 ',
    selected: (n: number) => `${n}개 선택`,
    required: '필수',
    emptyTitle: '검색 결과가 없습니다',
    emptyHints: [
      '검색어의 철자와 띄어쓰기를 확인해 주세요.',
      '더 짧거나 일반적인 검색어로 다시 검색해 보세요.',
      '선택한 조건을 줄여 보세요.',
    ],
    alert: { danger: '오류', warning: '주의', info: '안내', success: '완료' },
  },
  en: {
    pagination: 'Pagination',
    prev: 'Previous',
    next: 'Next',
    prevPage: 'Previous page',
    nextPage: 'Next page',
    current: 'Current page ',
    selected: (n: number) => `${n} selected`,
    required: 'required',
    emptyTitle: 'No results found',
    emptyHints: [
      'Check the spelling of your search words.',
      'Try fewer or more general words.',
      'Remove some of the filters.',
    ],
    alert: { danger: 'Error', warning: 'Warning', info: 'Notice', success: 'Done' },
  },
} as const;

/* ------------------------------------------------------------------ pagination (pagination.html) */

export interface PaginationOptions {
  /** Current page, 1-based. */
  page: number;
  totalPages: number;
  hrefFor: (page: number) => string;
  lang?: Lang;
  /** Page numbers shown around the current one (each side). Default 2. */
  window?: number;
}

/** Page numbers to show: first, last, current ± window, with `null` for a gap. */
export function pageWindow(page: number, totalPages: number, window = 2): (number | null)[] {
  const out: (number | null)[] = [];
  let start = Math.max(1, page - window);
  let end = Math.min(totalPages, page + window);
  // Keep the same count near the edges.
  if (page - window < 1) end = Math.min(totalPages, end + (1 - (page - window)));
  if (page + window > totalPages) start = Math.max(1, start - (page + window - totalPages));
  if (start > 1) {
    out.push(1);
    if (start > 2) out.push(start === 3 ? 2 : null);
  }
  for (let p = start; p <= end; p++) out.push(p);
  if (end < totalPages) {
    if (end < totalPages - 1) out.push(end === totalPages - 2 ? totalPages - 1 : null);
    out.push(totalPages);
  }
  return out;
}

/** KRDS pagination as plain links; renders nothing for a single page. */
export function pagination(opts: PaginationOptions): Html {
  const t = T[opts.lang ?? 'ko'];
  const total = Math.max(1, Math.floor(opts.totalPages));
  if (total <= 1) return html``;
  const page = Math.min(Math.max(1, Math.floor(opts.page)), total);
  const prev =
    page > 1
      ? html`<a class="page-navi prev" href="${opts.hrefFor(page - 1)}" aria-label="${t.prevPage}">${t.prev}</a>`
      : html`<span class="page-navi prev disabled" aria-hidden="true">${t.prev}</span>`;
  const next =
    page < total
      ? html`<a class="page-navi next" href="${opts.hrefFor(page + 1)}" aria-label="${t.nextPage}">${t.next}</a>`
      : html`<span class="page-navi next disabled" aria-hidden="true">${t.next}</span>`;
  const links = pageWindow(page, total, opts.window ?? 2).map((p) =>
    p === null
      ? html`
		<span class="page-link link-dot" aria-hidden="true"></span>`
      : p === page
        ? html`
		<a class="page-link active" href="${opts.hrefFor(p)}" aria-current="page"><span class="sr-only">${t.current}</span>${p}</a>`
        : html`
		<a class="page-link" href="${opts.hrefFor(p)}">${p}</a>`,
  );
  return html`<nav class="krds-pagination" aria-label="${t.pagination}">
	${prev}
	<div class="page-links">${links}
	</div>
	${next}
</nav>`;
}

/* -------------------------------------------------------- form fields (text_input.html, select.html) */

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

export type ButtonVariant = 'primary' | 'secondary' | 'tertiary' | 'text';
export type ButtonSize = 'xsmall' | 'small' | 'medium' | 'large' | 'xlarge';

export interface ButtonOptions {
  label: HtmlValue;
  variant?: ButtonVariant;
  size?: ButtonSize;
  type?: 'button' | 'submit' | 'reset';
  name?: string;
  value?: string;
  disabled?: boolean;
  /** Associates a submit button with a form elsewhere on the page. */
  form?: string;
  className?: string;
}

function buttonClass(variant: ButtonVariant | undefined, size: ButtonSize | undefined, extra?: string): string {
  return ['krds-btn', size ?? 'medium', variant ?? 'primary', extra].filter(Boolean).join(' ');
}

export function button(opts: ButtonOptions): Html {
  return html`<button type="${opts.type ?? 'button'}" class="${buttonClass(opts.variant, opts.size, opts.className)}"${attr('name', opts.name)}${attr('value', opts.value)}${attr('form', opts.form)}${attr('disabled', opts.disabled)}>${opts.label}</button>`;
}

export interface LinkButtonOptions {
  href: string;
  label: HtmlValue;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
  /** Opens in a new window; adds the KRDS "새 창 열림" title and icon. */
  external?: boolean;
  lang?: Lang;
}

/** A link that looks like a KRDS button (navigation, e.g. "지원하기", "목록으로"). */
export function linkButton(opts: LinkButtonOptions): Html {
  const newWindow = (opts.lang ?? 'ko') === 'ko' ? '새 창 열림' : 'opens in a new window';
  return opts.external
    ? html`<a href="${opts.href}" class="${buttonClass(opts.variant, opts.size, opts.className)}" target="_blank" rel="noopener" title="${newWindow}">${opts.label} <i class="svg-icon ico-go" aria-hidden="true"></i></a>`
    : html`<a href="${opts.href}" class="${buttonClass(opts.variant, opts.size, opts.className)}">${opts.label}</a>`;
}

/* ---------------------------------------------------------------- badge / tag (badge.html, tag_link.html) */

export type BadgeColor =
  | 'primary'
  | 'secondary'
  | 'gray'
  | 'point'
  | 'danger'
  | 'warning'
  | 'success'
  | 'information'
  | 'disabled';

export interface BadgeOptions {
  label: HtmlValue;
  color?: BadgeColor;
  /** `outline` (default), filled `bg`, or tinted `bg-light`. */
  fill?: 'outline' | 'bg' | 'bg-light';
  size?: 'small' | 'medium' | 'large';
}

export function badge(opts: BadgeOptions): Html {
  const cls = ['krds-badge', opts.size, `${opts.fill ?? 'outline'}-${opts.color ?? 'primary'}`]
    .filter(Boolean)
    .join(' ');
  return html`<span class="${cls}">${opts.label}</span>`;
}

/** A row of badges (`krds-badge-wrap`). */
export function badgeGroup(badges: readonly Html[]): Html {
  return badges.length ? html`<div class="krds-badge-wrap">${badges}</div>` : html``;
}

export interface TagOptions {
  label: HtmlValue;
  /** A link tag (e.g. a search for this keyword); without it the tag is plain text. */
  href?: string;
}

export function tag(opts: TagOptions): Html {
  return opts.href
    ? html`<a href="${opts.href}" class="krds-btn-tag link">${opts.label}</a>`
    : html`<span class="krds-btn-tag ilteo-tag-static">${opts.label}</span>`;
}

/** A list of tags (`krds-tag-wrap`). */
export function tagGroup(
  tags: readonly TagOptions[],
  opts: { size?: 'small' | 'medium' | 'large'; label?: string } = {},
): Html {
  if (!tags.length) return html``;
  return html`<ul class="krds-tag-wrap ${opts.size ?? 'medium'} ilteo-tag-list"${attr('aria-label', opts.label)}>${tags.map(
    (t) => html`<li>${tag(t)}</li>`,
  )}</ul>`;
}

/* -------------------------------------------------------------------- messages and empty states */

export type AlertVariant = 'danger' | 'warning' | 'info' | 'success';

export interface AlertOptions {
  variant?: AlertVariant;
  title: HtmlValue;
  body?: HtmlValue;
  /**
   * `alert` for errors the user must see now (e.g. a failed form submission), `status` for polite
   * updates, `none` for static page content. Default: `alert` for danger, `none` otherwise.
   */
  role?: 'alert' | 'status' | 'none';
  /** Heading level of the title (2–4); default a `<p>` in bold. */
  headingLevel?: 2 | 3 | 4;
  id?: string;
  lang?: Lang;
}

function heading(level: 2 | 3 | 4 | undefined, cls: string, content: HtmlValue, id?: string): Html {
  const idAttr = attr('id', id);
  switch (level) {
    case 2:
      return html`<h2 class="${cls}"${idAttr}>${content}</h2>`;
    case 3:
      return html`<h3 class="${cls}"${idAttr}>${content}</h3>`;
    case 4:
      return html`<h4 class="${cls}"${idAttr}>${content}</h4>`;
    default:
      return html`<p class="${cls}"${idAttr}>${content}</p>`;
  }
}

/**
 * A message box (error summary, notice) styled with KRDS tokens and KRDS status icons. The variant
 * is also given in text (sr-only), not by colour alone.
 */
export function alert(opts: AlertOptions): Html {
  const variant = opts.variant ?? 'info';
  const role = opts.role ?? (variant === 'danger' ? 'alert' : 'none');
  const label = T[opts.lang ?? 'ko'].alert[variant];
  return html`<div class="ilteo-message ilteo-message--${variant}"${attr('role', role === 'none' ? null : role)}${attr('id', opts.id)}>
	<div class="ilteo-message__content">
		${heading(opts.headingLevel, 'ilteo-message__title', html`<span class="sr-only">${label}: </span>${opts.title}`)}${
      opts.body
        ? html`
		<div class="ilteo-message__body">${opts.body}</div>`
        : null
    }
	</div>
</div>`;
}

export interface EmptyStateOptions {
  title?: HtmlValue;
  /** Replaces the default search tips. */
  body?: HtmlValue;
  /** Links/buttons, e.g. `linkButton({ href: '/jobs', label: '조건 초기화' })`. */
  actions?: readonly Html[];
  headingLevel?: 2 | 3;
  lang?: Lang;
}

/**
 * "검색 결과가 없습니다" — an empty result, announced politely (`role="status"`) so screen-reader users
 * hear it after a search, with tips and next steps.
 */
export function emptyState(opts: EmptyStateOptions = {}): Html {
  const t = T[opts.lang ?? 'ko'];
  const body =
    opts.body ??
    html`<ul class="krds-info-list dash">${t.emptyHints.map(
      (h) => html`
			<li>${h}</li>`,
    )}
		</ul>`;
  return html`<div class="ilteo-nodata" role="status">
	${heading(opts.headingLevel ?? 2, 'ilteo-nodata__title', opts.title ?? t.emptyTitle)}
	<div class="ilteo-nodata__body">
		${body}
	</div>${
    opts.actions?.length
      ? html`
	<div class="ilteo-nodata__actions">${opts.actions}</div>`
      : null
  }
</div>`;
}

export interface CriticalAlertItem {
  /** `danger` 긴급, `ok` 안전/해제, `info` 안내. */
  level: 'danger' | 'ok' | 'info';
  text: HtmlValue;
  href?: string;
  linkLabel?: string;
}

/** KRDS critical alerts (critical_alerts.html) for the layout's banner slot (incidents, outages). */
export function criticalAlerts(items: readonly CriticalAlertItem[], opts: { lang?: Lang; label?: string } = {}): Html {
  if (!items.length) return html``;
  const lang = opts.lang ?? 'ko';
  const badgeText = {
    ko: { danger: '긴급', ok: '안전', info: '안내' },
    en: { danger: 'Urgent', ok: 'Resolved', info: 'Notice' },
  }[lang];
  const more = lang === 'ko' ? '자세히 보기' : 'Details';
  return html`<section class="main-urgent-wrap" aria-label="${opts.label ?? (lang === 'ko' ? '긴급 공지' : 'Urgent notices')}">
	<ul class="krds-critical-alerts">${items.map(
    (item) => html`
		<li>
			<div class="critical-ban">
				<span class="critical-badge ${item.level}">${badgeText[item.level]}</span>
				<p class="critical-txt">${item.text}</p>${
          item.href
            ? html`
				<a href="${item.href}" class="krds-btn medium link basic">
					<span class="m-hide">${item.linkLabel ?? more}</span><span class="sr-only">: ${item.text}</span>
					<i class="svg-icon ico-angle right" aria-hidden="true"></i>
				</a>`
            : null
        }
			</div>
		</li>`,
  )}
	</ul>
</section>`;
}

/* ------------------------------------------------------------- structured list (structured_list.html) */

export interface StructuredItem {
  /** Title text; may contain `<mark>` from the highlighter. */
  title: HtmlValue;
  href: string;
  /** `badge()` outputs shown above the title. */
  badges?: readonly Html[];
  /** One line under the title (e.g. company · location). */
  description?: HtmlValue;
  /** Short facts in a row; the label is for screen readers only (values are self-explanatory). */
  meta?: readonly { label: string; value: HtmlValue }[];
  /** Facts with a visible key, e.g. 마감일. */
  keyValues?: readonly { key: string; value: HtmlValue }[];
  /** `#tag`s at the bottom. */
  tags?: readonly string[];
  /** A secondary action (e.g. `linkButton`) beside the text. */
  action?: Html;
}

export interface StructuredListOptions {
  items: readonly StructuredItem[];
  /** Heading level of each title; default 3 (under the page's h2 result heading). */
  headingLevel?: 2 | 3 | 4;
  /** Accessible name of the list. */
  label?: string;
  /** Full-width rows (`type-full`, default) or the KRDS card grid. */
  layout?: 'full' | 'grid';
}

/**
 * KRDS structured list: one card per item. Unlike the KRDS example, only the title is a link (so the
 * link name is the title, not the whole card); ilteo.css stretches its hit area over the card.
 */
export function structuredList(opts: StructuredListOptions): Html {
  const items = opts.items.map(
    (item) => html`
	<li class="structured-item">
		<div class="in">${
      item.badges?.length
        ? html`
			<div class="card-top">${item.badges}</div>`
        : null
    }
			<div class="card-body">
				<div class="c-text">
					${heading(opts.headingLevel ?? 3, 'c-tit', html`<a href="${item.href}" class="ilteo-card-link"><span class="span">${item.title}</span></a>`)}${
            item.description
              ? html`
					<p class="c-txt">${item.description}</p>`
              : null
          }${
            item.meta?.length
              ? html`
					<ul class="c-txt-ul">${item.meta.map(
            (m) => html`<li><span class="sr-only">${m.label}: </span>${m.value}</li>`,
          )}</ul>`
              : null
          }${(item.keyValues ?? []).map(
            (kv) => html`
					<p class="c-date"><strong class="key">${kv.key}</strong> <span class="value">${kv.value}</span></p>`,
          )}
				</div>${
          item.action
            ? html`
				<div class="c-btn">${item.action}</div>`
            : null
        }
			</div>${
        item.tags?.length
          ? html`
			<div class="card-btm">${item.tags.map((t) => html`<span class="tag">${t}</span>`)}</div>`
          : null
      }
		</div>
	</li>`,
  );
  return html`<ul class="krds-structured-list${(opts.layout ?? 'full') === 'full' ? ' type-full' : ''} ilteo-structured-list"${attr('aria-label', opts.label)}>${items}
</ul>`;
}

/* ------------------------------------------------------------------------------ table (table.html) */

export interface TableColumn {
  header: HtmlValue;
  /** Width as a KRDS-free class hint: `narrow` ≈ 15%, `wide` ≈ 40% (no inline styles under our CSP). */
  width?: 'narrow' | 'medium' | 'wide';
  align?: 'left' | 'center' | 'right';
}

export interface TableOptions {
  /** Describes the table (KRDS style: what it contains and how it is organised); also names the scroll region. */
  caption: string;
  /** Show the caption visually (KRDS hides captions by default). */
  captionVisible?: boolean;
  columns: readonly TableColumn[];
  rows: readonly (readonly HtmlValue[])[];
  /** The first cell of each row is a row header (`<th scope="row">`). */
  rowHeaders?: boolean;
  id?: string;
}

export function table(opts: TableOptions): Html {
  const alignClass = (c: TableColumn | undefined) => (c?.align && c.align !== 'left' ? `ilteo-align-${c.align}` : null);
  const cols = opts.columns.map(
    (c) => html`
			<col${attr('class', c.width ? `ilteo-col-${c.width}` : null)}>`,
  );
  const head = opts.columns.map(
    (c) => html`
				<th scope="col"${attr('class', alignClass(c))}>${c.header}</th>`,
  );
  const body = opts.rows.map(
    (row) => html`
			<tr>${row.map((cell, i) =>
        i === 0 && opts.rowHeaders
          ? html`
				<th scope="row"${attr('class', alignClass(opts.columns[i]))}>${cell}</th>`
          : html`
				<td${attr('class', alignClass(opts.columns[i]))}>${cell}</td>`,
      )}
			</tr>`,
  );
  return html`<div class="krds-table-wrap ilteo-table-wrap" role="region" tabindex="0" aria-label="${opts.caption}"${attr('id', opts.id)}>
	<table class="tbl col data">
		<caption${attr('class', opts.captionVisible ? 'ilteo-caption' : null)}>${opts.caption}</caption>
		<colgroup>${cols}
		</colgroup>
		<thead>
			<tr>${head}
			</tr>
		</thead>
		<tbody>${body}
		</tbody>
	</table>
</div>`;
}

/* ------------------------------------------------------------------------ description list (근무조건) */

export interface DescriptionItem {
  term: HtmlValue;
  description: HtmlValue;
}

/** Key/value pairs (e.g. 근무조건: 급여, 근무시간, 근무지). Two columns on wide screens when `columns: 2`. */
export function descriptionList(opts: { items: readonly DescriptionItem[]; columns?: 1 | 2; label?: string }): Html {
  return html`<dl class="ilteo-dl${opts.columns === 2 ? ' ilteo-dl--2col' : ''}"${attr('aria-label', opts.label)}>${opts.items.map(
    (item) => html`
	<div class="ilteo-dl__row">
		<dt class="ilteo-dl__term">${item.term}</dt>
		<dd class="ilteo-dl__desc">${item.description}</dd>
	</div>`,
  )}
</dl>`;
}

/** A KRDS multi-line text field in a `form-group`; the typed value is kept on error. */
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
