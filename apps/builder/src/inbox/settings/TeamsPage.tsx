import { peopleApi } from '../../people/people-api';
import { SettingsFrame } from '../../settings/SettingsFrame';
import { useAsync } from '../../ui/use-async';
import { inboxApi, teamAdminApi } from '../inbox-api';
import { PeopleSection } from './PeopleSection';
import { TeamsSection } from './TeamsSection';

/** Admins manage who works in the inbox and the teams handoffs are routed to. */
export function TeamsPage() {
  const data = useAsync(() => Promise.all([teamAdminApi.users(), inboxApi.teams(), peopleApi.invites()]), []);
  return (
    <SettingsFrame
      intro="People who answer conversations, and the teams handoffs are routed to (round-robin among online members)."
      data={data}
    >
      {([{ users }, { teams }, { invites }]) => (
        <div className="teams-grid">
          <PeopleSection users={users} invites={invites} teams={teams} onChanged={data.reload} />
          <TeamsSection teams={teams} users={users} onChanged={data.reload} />
        </div>
      )}
    </SettingsFrame>
  );
}
