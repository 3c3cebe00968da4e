import type { AnalyticsPeopleResponse } from '@flowdesk/contract';
import { csatCell } from '../csat/csat-format';
import { TableHead } from '../ui/TableHead';
import { formatDuration } from './figures-format';

type Holder = AnalyticsPeopleResponse['agents'][number];

function HolderRows({ title, holders, empty }: { title: string; holders: Holder[]; empty: string }) {
  return (
    <table className="table analytics-people">
      <caption>{title}</caption>
      <TableHead
        columns={['Name', 'Handled', 'First response (median / p90)', 'Resolution (median / p90)', 'CSAT (satisfied)']}
      />
      <tbody>
        {holders.length === 0 ? (
          <tr>
            <td colSpan={5} className="analytics-muted">
              {empty}
            </td>
          </tr>
        ) : (
          holders.map((holder) => (
            <tr key={holder.id}>
              <th scope="row">{holder.name}</th>
              <td>{holder.handled}</td>
              <td>
                {formatDuration(holder.firstResponse.medianMs)} / {formatDuration(holder.firstResponse.p90Ms)}
              </td>
              <td>
                {formatDuration(holder.resolution.medianMs)} / {formatDuration(holder.resolution.p90Ms)}
              </td>
              <td>{csatCell(holder.csat)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

/** Per agent and per team: conversations handled, first response and resolution times, CSAT. */
export function PeopleTable({ people }: { people: AnalyticsPeopleResponse }) {
  return (
    <section className="card analytics-panel">
      <h2>Agents and teams</h2>
      <HolderRows title="Per agent" holders={people.agents} empty="No agent answered or resolved a conversation." />
      <HolderRows title="Per team" holders={people.teams} empty="No team handled a conversation." />
    </section>
  );
}
