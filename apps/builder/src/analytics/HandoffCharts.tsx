import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ChartRow {
  label: string;
  count: number;
}

/** One horizontal bar chart of counts (recharts, keyboard-reachable), with its numbers also listed as text. */
export function CountChart({ title, rows, empty }: { title: string; rows: ChartRow[]; empty: string }) {
  return (
    <figure className="card analytics-panel analytics-chart">
      <figcaption>
        <h2>{title}</h2>
      </figcaption>
      {rows.length === 0 ? (
        <p className="analytics-muted">{empty}</p>
      ) : (
        <>
          <div style={{ height: Math.max(110, rows.length * 40 + 40) }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 32 }} accessibilityLayer title={title}>
                <CartesianGrid horizontal={false} stroke="#e2e5ea" />
                <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
                <YAxis type="category" dataKey="label" width={140} tick={{ fontSize: 12 }} />
                <Tooltip cursor={{ fill: '#eef0ff' }} />
                <Bar
                  dataKey="count"
                  name="Handoffs"
                  fill="#4f46e5"
                  maxBarSize={28}
                  radius={[0, 4, 4, 0]}
                  isAnimationActive={false}
                >
                  <LabelList dataKey="count" position="right" fontSize={12} />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
          <ul className="visually-hidden">
            {rows.map((row) => (
              <li key={row.label}>
                {row.label}: {row.count}
              </li>
            ))}
          </ul>
        </>
      )}
    </figure>
  );
}
