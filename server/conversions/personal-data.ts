/**
 * Conversions carry no personal data: a landing page that sends a form's fields by mistake is refused
 * whole, so an email address or a phone number never reaches the database, not even in a kind's name.
 */
const EMAIL = /[^\s@"]+@[^\s@"]+\.[^\s@"]+/;
/** Seven digits or more, with the spaces, dots, dashes and brackets people write numbers with. */
const PHONE = /\+?\d(?:[\s().-]*\d){6,}/;

export function personalDataIn(text: string): 'an email address' | 'a phone number' | null {
  if (EMAIL.test(text)) return 'an email address';
  if (PHONE.test(text)) return 'a phone number';
  return null;
}
