/**
 * A name or team typed by an admin (dashboard, admin CLI) goes through THE rule for names
 * (common/names.ts), with the field named in the reason: "The team is empty: …".
 */
import { checkName as checkNameRule, type NameCheck } from '../../common/names.ts';

export type { NameCheck };

/** `what` names the field in the reason: "The name", "The team". */
export function checkName(text: string, what: string): NameCheck {
  const checked = checkNameRule(text);
  return checked.ok ? checked : { ok: false, reason: `${what} ${checked.reason}.` };
}
