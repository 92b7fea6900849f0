/**
 * THE rule for the names people read: a person's display name and a team's name, wherever one is set
 * (enrolling and PATCH /v1/me on the endpoint, its admin CLI and dashboard, the desktop's settings before
 * anything is sent). Checked after cleaning, so what cannot be seen does not count: zero-width characters
 * are removed, every run of Unicode whitespace (no-break and ideographic spaces too) becomes one space,
 * the ends are trimmed. Characters that change the direction of text are refused rather than removed:
 * they can make one name look like another ("Ada" spelled backwards behind an override), and silently
 * dropping them would store a name the person never saw.
 */
import { MAX_NAME_LENGTH } from './settings.ts';

export type NameCheck = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly reason: string };

/** Zero-width space, non-joiner and joiner, word joiner, byte order mark. */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/gu;
const WHITESPACE = /\s+/gu;
/** Marks, embeddings, overrides and isolates (Unicode's bidi controls). */
const DIRECTION_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/** Control characters and halves of a surrogate pair standing alone. */
const CONTROLS = /[\p{Cc}\p{Cs}]/u;

/** The name as it is stored and shown, or the reason it cannot be one; the reason follows the name's label. */
export function checkName(raw: string): NameCheck {
  const value = raw.replace(ZERO_WIDTH, '').replace(WHITESPACE, ' ').trim();
  if (value === '') return { ok: false, reason: 'is empty: spaces and invisible characters alone do not make a name' };
  if (CONTROLS.test(value)) return { ok: false, reason: 'must be one line of text, without control characters' };
  if (DIRECTION_CONTROLS.test(value))
    return {
      ok: false,
      reason:
        'contains invisible characters that change the direction of text, which can make one name look like another; type it again without them',
    };
  if (value.length > MAX_NAME_LENGTH)
    return { ok: false, reason: `must be at most ${String(MAX_NAME_LENGTH)} characters` };
  return { ok: true, value };
}
