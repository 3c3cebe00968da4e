import { TeamsAnswer } from '@flowdesk/contract';
import { useEffect, useState } from 'react';
import { api } from '../api/api';
import type { Team } from './editor-context';

/** Teams for the handoff form; an empty list (any team) when the runtime has no teams API or none exist. */
export function useTeams(): Team[] {
  const [teams, setTeams] = useState<Team[]>([]);
  useEffect(() => {
    let cancelled = false;
    api
      .get('/api/admin/teams', TeamsAnswer)
      .then((r) => !cancelled && setTeams(r.teams ?? []))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  return teams;
}
