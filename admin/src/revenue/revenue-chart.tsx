/**
 * A bar chart of daily figures as plain SVG: each bar has a title for pointer users, and
 * the same figures are in a table below it for screen readers and keyboard users.
 */
export function DailyBars(props: {
  readonly title: string;
  readonly id: string;
  readonly days: readonly { date: string; value: number }[];
}) {
  const width = 720;
  const height = 140;
  const max = Math.max(1, ...props.days.map((day) => day.value));
  const step = width / Math.max(1, props.days.length);
  const total = props.days.reduce((sum, day) => sum + day.value, 0);
  return (
    <figure class="revenue-chart" aria-labelledby={`${props.id}-caption`}>
      <svg
        role="img"
        aria-labelledby={`${props.id}-title`}
        viewBox={`0 0 ${width} ${height + 16}`}
        width="100%"
        preserveAspectRatio="none"
      >
        <title id={`${props.id}-title`}>
          {props.title}: {total} over {props.days.length} days, at most {max} on one day
        </title>
        <line x1="0" y1={height} x2={width} y2={height} stroke="currentColor" stroke-width="1" />
        {props.days.map((day, index) => {
          const barHeight = (day.value / max) * (height - 4);
          return (
            <rect
              x={index * step + 1}
              y={height - barHeight}
              width={Math.max(1, step - 2)}
              height={barHeight}
              fill="currentColor"
            >
              <title>
                {day.date}: {day.value}
              </title>
            </rect>
          );
        })}
      </svg>
      <figcaption id={`${props.id}-caption`}>
        {props.title} per day ({total} in all)
      </figcaption>
    </figure>
  );
}
