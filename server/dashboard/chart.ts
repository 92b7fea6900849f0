/** A bar chart of shares per week as inline SVG: no script, drawn by the browser with or without JS. */
import type { WeekCount } from '../../common/protocol.ts';
import { html, type Html } from './html.ts';

const WIDTH = 640;
const HEIGHT = 180;
const LABEL_SPACE = 28;

export function weeklyChart(weeks: readonly WeekCount[], label: string): Html {
  const max = Math.max(1, ...weeks.map((week) => week.shares));
  const slot = WIDTH / Math.max(1, weeks.length);
  const bars = weeks.map((week, index) => {
    const height = Math.round(((HEIGHT - LABEL_SPACE) * week.shares) / max);
    const x = Math.round(index * slot + slot * 0.15);
    const y = HEIGHT - LABEL_SPACE - height;
    return html`<g
      ><title>Week of ${week.week}: ${week.shares} shares</title
      ><rect x="${x}" y="${y}" width="${Math.round(slot * 0.7)}" height="${height}"></rect
      ><text x="${x}" y="${HEIGHT - LABEL_SPACE + 12}">${week.week.slice(5)}</text
      ><text x="${x}" y="${Math.max(10, y - 3)}">${week.shares}</text></g
    >`;
  });
  return html`<figure>
    <svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${label}">${bars}</svg>
    <figcaption class="visually-hidden">
      ${label}: ${weeks.map((week) => `${week.week} ${String(week.shares)}`).join(', ')}
    </figcaption>
  </figure>`;
}
