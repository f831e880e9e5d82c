/** KRDS pagination, structured lists, tables and description lists (src/web/components.ts) */
import { attr, type Html, type HtmlValue, html } from '../html.ts';
import { heading } from './feedback.ts';
import { type Lang, T } from './texts.ts';

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
