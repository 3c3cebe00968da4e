import type { AnalyticsOverview } from '@flowdesk/contract';
import { heatLevel, hourOfWeekGrid, WEEKDAY_NAMES } from './figures-format';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** Conversations started per weekday and hour, as a table whose cells are shaded by volume. */
export function HourHeatmap({ cells, timeZone }: { cells: AnalyticsOverview['hourOfWeek']; timeZone: string }) {
  const grid = hourOfWeekGrid(cells);
  return (
    <section className="card analytics-panel">
      <h2>When conversations start</h2>
      <div className="analytics-heatmap-scroll">
        <table className="analytics-heatmap">
          <caption>Conversations started per weekday and hour ({timeZone})</caption>
          <thead>
            <tr>
              <td />
              {HOURS.map((hour) => (
                <th key={hour} scope="col" abbr={`${hour}:00`}>
                  {hour % 3 === 0 ? String(hour).padStart(2, '0') : ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {WEEKDAY_NAMES.map((day, index) => (
              <tr key={day}>
                <th scope="row" abbr={day}>
                  {day.slice(0, 3)}
                </th>
                {HOURS.map((hour) => {
                  const count = grid.rows[index]![hour]!;
                  return (
                    <td
                      key={hour}
                      className={`heat-${heatLevel(count, grid.max)}`}
                      title={`${day} ${hour}:00–${hour + 1}:00: ${count}`}
                    >
                      <span className="visually-hidden">{count}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
