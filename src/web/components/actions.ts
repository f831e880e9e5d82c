/** KRDS buttons, link buttons, badges and tags (src/web/components.ts) */
import { attr, type Html, type HtmlValue, html } from '../html.ts';
import type { Lang } from './texts.ts';

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
