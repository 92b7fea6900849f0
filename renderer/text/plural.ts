/** "1 share", "3 shares", "2 people", "12,000 visits". */
const NUMBER = new Intl.NumberFormat('en-GB');

export const formatCount = (count: number): string => NUMBER.format(count);

export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${formatCount(count)} ${count === 1 ? one : many}`;
