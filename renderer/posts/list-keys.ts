/** Which row the post list's keys move to: arrows (and j/k), Home/End, Page Up/Down by a screenful. */
export const PAGE_ROWS = 5;

export function nextRow(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  const clamp = (index: number): number => Math.min(count - 1, Math.max(0, index));
  switch (key) {
    case 'ArrowDown':
    case 'j':
      return clamp(current + 1);
    case 'ArrowUp':
    case 'k':
      return clamp(current - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return clamp(current + PAGE_ROWS);
    case 'PageUp':
      return clamp(current - PAGE_ROWS);
    default:
      return null;
  }
}
