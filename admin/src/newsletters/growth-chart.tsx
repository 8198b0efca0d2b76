/** Confirmed sign-ups per day as bars: an SVG with a title, a description and a table twin. */
export function GrowthChart(props: {
  readonly name: string;
  readonly days: readonly { day: string; count: number }[];
}) {
  const width = 600;
  const height = 120;
  const most = Math.max(1, ...props.days.map((d) => d.count));
  const bar = width / Math.max(1, props.days.length);
  const total = props.days.reduce((sum, d) => sum + d.count, 0);
  const first = props.days[0]?.day ?? '';
  const last = props.days.at(-1)?.day ?? '';
  return (
    <figure class="growth-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby="growth-title growth-desc"
        width="100%"
      >
        <title id="growth-title">New subscribers of {props.name} per day</title>
        <desc id="growth-desc">
          {total} confirmed sign-ups from {first} to {last}; the most in one day was {most}.
        </desc>
        {props.days.map((d, i) => {
          const h = Math.round((d.count / most) * (height - 10));
          return (
            <rect
              key={d.day}
              x={i * bar + 1}
              y={height - h}
              width={Math.max(1, bar - 2)}
              height={h}
              fill="currentColor"
            />
          );
        })}
      </svg>
      <details>
        <summary>The numbers</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">New subscribers</th>
            </tr>
          </thead>
          <tbody>
            {props.days.map((d) => (
              <tr key={d.day}>
                <td>{d.day}</td>
                <td>{d.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
