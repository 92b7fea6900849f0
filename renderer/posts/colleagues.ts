/** How many colleagues shared a post, in words: from the endpoint's per-post figures when it has them. */
export function colleaguesText(people: number | null, shares: number | null): string | null {
  if (people === 0 || (people === null && shares === 0)) return 'No colleague has shared it yet. Be the first.';
  if (people !== null) return people === 1 ? 'Shared by 1 colleague' : `Shared by ${String(people)} colleagues`;
  if (shares !== null)
    return shares === 1 ? 'Shared once at your organisation' : `Shared ${String(shares)} times at your organisation`;
  return null;
}
