/** KRDS alerts, the empty state and the critical alert banner (src/web/components.ts) */
import { attr, type Html, type HtmlValue, html } from '../html.ts';
import { type Lang, T } from './texts.ts';

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

export function heading(level: 2 | 3 | 4 | undefined, cls: string, content: HtmlValue, id?: string): Html {
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
