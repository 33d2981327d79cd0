/** One bar per day; no chart library, so it renders the same on the server and in any theme. */
export function EventsChart({
  days,
  label,
}: {
  days: { date: string; count: number }[];
  label: string;
}) {
  const max = Math.max(1, ...days.map((d) => d.count));
  const bar = 10;
  const gap = 2;
  const height = 80;
  const width = days.length * (bar + gap);
  return (
    <figure className="space-y-1">
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        className="h-28 w-full text-brand-600 dark:text-brand-500"
      >
        <line
          x1={0}
          x2={width}
          y1={height - 0.5}
          y2={height - 0.5}
          className="stroke-slate-300 dark:stroke-slate-700"
          strokeWidth={1}
        />
        {days.map((d, i) => {
          const h = d.count === 0 ? 0 : Math.max(2, (d.count / max) * (height - 4));
          return (
            <rect
              key={d.date}
              x={i * (bar + gap)}
              y={height - h}
              width={bar}
              height={h}
              rx={1.5}
              className="fill-current"
            >
              <title>{`${d.date}: ${d.count}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="flex justify-between text-xs text-slate-600 dark:text-slate-400">
        <span>{days[0]?.date}</span>
        <span>peak {max === 1 && days.every((d) => d.count === 0) ? 0 : max} / day</span>
        <span>{days.at(-1)?.date}</span>
      </figcaption>
    </figure>
  );
}
