/**
 * The check a name or team typed by an admin goes through: the same rule as enrollment's (trimmed of
 * Unicode whitespace, no zero-width or bidi controls that could make "Ad\u200ba" pass for "Ada").
 * A local stand-in for the shared validation being written for enrollment: swap this one function.
 */

export type NameCheck = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly reason: string };

const MAX_LENGTH = 80;
// Controls, lone surrogates, zero-width characters, bidi marks, overrides and isolates, the BOM.
const INVISIBLE = /[\p{Cc}\p{Cs}\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;

/** `what` names the field in the reason: "The name", "The team". */
export function checkName(text: string, what: string): NameCheck {
  // \s in a Unicode regular expression covers NBSP, the ideographic space and the other Zs spaces.
  const value = text.replace(/^\s+|\s+$/gu, '').replace(/\s+/gu, ' ');
  if (value === '') return { ok: false, reason: `${what} is empty: type at least one letter.` };
  if (INVISIBLE.test(value))
    return {
      ok: false,
      reason: `${what} holds an invisible character (zero-width or a direction control) that can disguise it: type it again without it.`,
    };
  if (value.length > MAX_LENGTH)
    return { ok: false, reason: `${what} is longer than ${String(MAX_LENGTH)} characters: shorten it.` };
  return { ok: true, value };
}
