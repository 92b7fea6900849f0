/** The weekly chart draws every row on one scale: the larger number is the taller bar, whichever row it is in. */
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { WeeklyChart } from '../../../renderer/components/WeeklyChart.tsx';

const weeks = (...shares: number[]) =>
  shares.map((count, index) => ({ week: `2026-11-0${String(index + 2)}`, shares: count }));

describe('WeeklyChart', () => {
  it('puts You (3) and Team (2) on one scale: the 3 draws the taller bar, and both rows say the same top', () => {
    const { container } = render(
      <WeeklyChart
        title="Shares per week"
        series={[
          { name: 'You', weeks: weeks(0, 3) },
          { name: 'Team', weeks: weeks(0, 2) },
        ]}
      />,
    );
    const heights = [...container.querySelectorAll('svg')].map((svg) =>
      Number(svg.querySelectorAll('rect')[1]?.getAttribute('height')),
    );
    expect(heights).toHaveLength(2);
    expect(heights[0]).toBeGreaterThan(heights[1] ?? Infinity);
    expect([...container.querySelectorAll('.chart__max')].map((label) => label.textContent)).toEqual([
      'up to 5',
      'up to 5',
    ]);
  });
});
