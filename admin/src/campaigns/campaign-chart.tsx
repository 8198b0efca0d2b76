import type { CampaignResultsResource } from '../../../src/features/campaigns/campaign.resources.js';

/** Progress over time as an accessible SVG line, with the same figures in a table. */
export function ProgressChart(props: {
  readonly timeline: CampaignResultsResource['timeline'];
  readonly target: number;
}) {
  const { timeline, target } = props;
  if (timeline.length === 0) return <p class="empty">No contributions counted yet.</p>;
  const width = 600;
  const height = 160;
  const top = Math.max(target, timeline[timeline.length - 1]?.total ?? 0, 1);
  const step = timeline.length > 1 ? width / (timeline.length - 1) : width;
  const points = timeline
    .map((d, i) => `${(i * step).toFixed(1)},${(height - (d.total / top) * height).toFixed(1)}`)
    .join(' ');
  const last = timeline[timeline.length - 1];
  const goalY = height - (target / top) * height;
  return (
    <figure class="campaign-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby="campaign-chart-title"
        width="100%"
        height={height}
      >
        <title id="campaign-chart-title">
          Progress over time: {last?.total ?? 0} of {target} by {last?.day ?? ''}
        </title>
        <line
          x1="0"
          x2={width}
          y1={goalY}
          y2={goalY}
          stroke="currentColor"
          stroke-dasharray="4 4"
        />
        <polyline points={points} fill="none" stroke="#b3261e" stroke-width="3" />
      </svg>
      <details>
        <summary>Progress by day</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {timeline.map((d) => (
              <tr key={d.day}>
                <td>{d.day}</td>
                <td>{d.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
