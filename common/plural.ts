/**
 * Counted words, "1 share", "3 shares", "12,000 visits": the form is chosen by `Intl.PluralRules`, not by
 * `count === 1`, so the rule is the language's (English has "one" and "other"; other languages have more).
 */
const LOCALE = 'en-GB';
const NUMBER = new Intl.NumberFormat(LOCALE);
const RULES = new Intl.PluralRules(LOCALE);

export const formatCount = (count: number): string => NUMBER.format(count);

/** The word alone, in the form `count` takes: "share" or "shares", "was" or "were". */
export const pluralWord = (count: number, one: string, other = `${one}s`): string =>
  RULES.select(count) === 'one' ? one : other;

/** The count and its word: "1 share", "2 people". */
export const plural = (count: number, one: string, other = `${one}s`): string =>
  `${formatCount(count)} ${pluralWord(count, one, other)}`;
