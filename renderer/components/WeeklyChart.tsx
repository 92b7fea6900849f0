import type { WeekCount } from '../../common/protocol.ts';
import { barHeight, niceMax, weekLabel } from '../results/chart-scale.ts';

export interface ChartSeries {
  readonly name: string;
  readonly weeks: readonly WeekCount[];
}

const BAR_AREA = 40;
const BAR_WIDTH = 10;
const GAP = 6;

/**
 * One row of bars per series over the weeks of the first series, all rows on one scale, so a larger
 * number always draws the taller bar whichever row it is in; with a table for screen readers.
 */
export function WeeklyChart({ title, series }: { title: string; series: readonly ChartSeries[] }) {
  const weeks = series[0]?.weeks.map((entry) => entry.week) ?? [];
  const rows = series.map(({ name, weeks: counts }) => {
    const byWeek = new Map(counts.map((entry) => [entry.week, entry.shares]));
    return { name, values: weeks.map((week) => byWeek.get(week) ?? 0) };
  });
  const width = weeks.length * (BAR_WIDTH + GAP);
  const max = niceMax(rows.flatMap(({ values }) => values));
  return (
    <figure className="chart">
      <figcaption className="chart__title">{title}</figcaption>
      <div aria-hidden="true">
        {rows.map(({ name, values }, row) => {
          return (
            <div key={name} className="chart__row">
              <span className="chart__name">{name}</span>
              <svg
                className={`chart__bars chart__bars--${String(row)}`}
                viewBox={`0 0 ${String(width)} ${String(BAR_AREA)}`}
                preserveAspectRatio="none"
              >
                <line className="chart__base" x1={0} x2={width} y1={BAR_AREA - 0.5} y2={BAR_AREA - 0.5} />
                {values.map((value, index) => {
                  const height = barHeight(value, max, BAR_AREA - 1);
                  return (
                    <rect
                      key={weeks[index]}
                      x={index * (BAR_WIDTH + GAP) + GAP / 2}
                      y={BAR_AREA - 1 - height}
                      width={BAR_WIDTH}
                      height={height}
                    />
                  );
                })}
              </svg>
              <span className="chart__max">{values.some((value) => value > 0) ? `up to ${String(max)}` : ''}</span>
            </div>
          );
        })}
        <div className="chart__axis">
          <span>{weeks[0] ? weekLabel(weeks[0]) : ''}</span>
          <span>this week</span>
        </div>
      </div>
      {/* A table cannot be shrunk to nothing itself: the wrapper hides it. */}
      <div className="sr-only">
        <table>
          <caption>{title}, shares per week</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              {rows.map(({ name }) => (
                <th key={name} scope="col">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week, index) => (
              <tr key={week}>
                <th scope="row">{weekLabel(week)}</th>
                {rows.map(({ name, values }) => (
                  <td key={name}>{values[index]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
