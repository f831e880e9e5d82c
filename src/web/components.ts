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
export * from './components/actions.ts';
export * from './components/feedback.ts';
export * from './components/form-fields.ts';
export * from './components/lists.ts';
export type { Lang } from './components/texts.ts';
