/** The desktop's check of an enrollment code's shape agrees with the endpoint's own reader and its codes. */
import { describe, expect, it } from 'vitest';
import { looksLikeEnrollmentCode } from '../../common/enrollment-code.ts';
import { newEnrollmentCode, normalizeEnrollmentCode } from '../../server/security/secrets.ts';

describe('looksLikeEnrollmentCode', () => {
  it('accepts every code the endpoint issues, as shown and as a person may type it', () => {
    for (let index = 0; index < 200; index += 1) {
      const code = newEnrollmentCode();
      expect(looksLikeEnrollmentCode(code)).toBe(true);
      expect(looksLikeEnrollmentCode(code.toLowerCase().replace(/-/g, ' '))).toBe(true);
    }
  });

  it('agrees with the endpoint on what cannot be a code, and on typing slips it forgives', () => {
    const inputs = [
      'hello',
      '',
      'K7-42-QX',
      '7KQ2-M9XD-3H8T-VW4',
      '7KQ2-M9XD-3H8T-VW4CC',
      '7KQ2-M9XD-3H8T-VW4U',
      '7kq2m9xd3h8tvw4c',
      '7KQ2-M9XD-3H8T-VWOC',
      '7KQ2-M9XD-3H8T-VWLC',
      '7KQ2_M9XD_3H8T_VW4C',
    ];
    for (const input of inputs)
      expect([input, looksLikeEnrollmentCode(input)]).toEqual([input, normalizeEnrollmentCode(input) !== null]);
    expect(looksLikeEnrollmentCode('hello')).toBe(false);
    expect(looksLikeEnrollmentCode('7kq2 m9xd 3h8t vw4c')).toBe(true);
  });
});
