/**
 * The shape of the enrollment codes the endpoint issues (server/security/secrets.ts makes them): 16
 * characters of Crockford's base32, shown in groups of four (`7KQ2-M9XD-3H8T-VW4C`). Typed codes are
 * read as the endpoint reads them (any case, spaces or dashes, O for 0, I or L for 1), so the desktop
 * can refuse what can never be a code before saving it. tests/common/enrollment-code.test.ts holds
 * the endpoint's own reader to this one.
 */
const CODE_PATTERN = /^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{16}$/;

export function looksLikeEnrollmentCode(input: string): boolean {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return CODE_PATTERN.test(code);
}
