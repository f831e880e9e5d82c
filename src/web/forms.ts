/** Reading posted forms and query strings: shared by every feature's routes. */

/** A form's messages by field name (`_form` for the whole form), as the views show them. */
export type Errors = Record<string, string>;
/** What the person typed, by field name, to fill the form again. */
export type Values = Record<string, string>;

/** Client-chosen idempotency keys: 16–100 characters of [A-Za-z0-9_-] (a UUID fits). */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,100}$/;

/**
 * A text field of a parsed form or query, trimmed and cut to `max` characters; '' when absent or not
 * a string (an array from a repeated field, a number from JSON). Passwords are read untrimmed elsewhere.
 */
export function formText(source: unknown, name: string, max: number): string {
  const value = (source as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
}

/** Like formText, untrimmed: for passwords, where every character counts. */
export function formRawText(source: unknown, name: string, max: number): string {
  const value = (source as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/** Every value of a repeated field (checkboxes), strings only; [] when absent. */
export function formList(source: unknown, name: string): string[] {
  const v = (source as Record<string, unknown> | undefined)?.[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
}
