import { TeammatesAnswer } from '@flowdesk/contract';
import { useState } from 'react';
import { api } from '../api/api';

export interface Person {
  id: string;
  email: string;
}

/**
 * The workspace's people (admin users API), for "who would be emailed" in the preview: one request per
 * mount. A handoff waits for it, so one made before the list arrives still names its recipients; it
 * resolves to null only when the list cannot be loaded.
 */
export function usePeople(): Promise<Person[] | null> {
  const [people] = useState(() =>
    api.get('/api/admin/users', TeammatesAnswer).then(
      (r) => r.users ?? [],
      () => null,
    ),
  );
  return people;
}

/**
 * Who a handoff alerts, as the runtime decides by default: the team's members (a block without a team
 * goes to the default team), or everyone in the workspace when there is no such team.
 */
export function handoffRecipients(
  people: Person[] | null,
  teams: { id: string; memberIds?: string[]; isDefault?: boolean }[],
  teamId: string | null,
): string[] | null {
  if (!people) return null;
  const team = teamId ? teams.find((t) => t.id === teamId) : teams.find((t) => t.isDefault);
  const members = team?.memberIds;
  const chosen = members ? people.filter((p) => members.includes(p.id)) : people;
  return chosen.map((p) => p.email);
}
