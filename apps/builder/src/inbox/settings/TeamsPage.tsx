import { SettingsTabs } from '../../bot/SettingsTabs';
import { peopleApi } from '../../people/people-api';
import { ErrorState, Spinner } from '../../ui/states';
import { useAsync } from '../../ui/use-async';
import { inboxApi, teamAdminApi } from '../inbox-api';
import { PeopleSection } from './PeopleSection';
import { TeamsSection } from './TeamsSection';

/** Admins manage who works in the inbox and the teams handoffs are routed to. */
export function TeamsPage() {
  const data = useAsync(() => Promise.all([teamAdminApi.users(), inboxApi.teams(), peopleApi.invites()]), []);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Settings</h1>
          <p>
            People who answer conversations, and the teams handoffs are routed to (round-robin among online members).
          </p>
        </div>
      </div>
      <SettingsTabs />
      {data.status === 'loading' ? (
        <Spinner />
      ) : data.status === 'error' ? (
        <ErrorState error={data.error} onRetry={data.reload} />
      ) : (
        <div className="teams-grid">
          <PeopleSection
            users={data.value[0].users}
            invites={data.value[2].invites}
            teams={data.value[1].teams}
            onChanged={data.reload}
          />
          <TeamsSection teams={data.value[1].teams} users={data.value[0].users} onChanged={data.reload} />
        </div>
      )}
    </>
  );
}
