import { OfficeHoursSettings, type OfficeHoursSettingsInput } from '@flowdesk/contract';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { officeHoursDb } from './tables';

export { OfficeHoursSettings, type OfficeHoursSettingsInput } from '@flowdesk/contract';

export const DEFAULT_OFFICE_HOURS: OfficeHoursSettings = OfficeHoursSettings.parse({});

/** The row stored for exactly this scope (team, or the workspace when teamId is null), or null. */
export async function readOfficeHours(
  db: Kysely<Database>,
  workspaceId: string,
  teamId: string | null,
): Promise<OfficeHoursSettings | null> {
  const row = await officeHoursDb(db)
    .selectFrom('office_hours')
    .select(['schedule', 'reply_time', 'offline_when'])
    .where('workspace_id', '=', workspaceId)
    .where('team_key', '=', teamId ?? '')
    .executeTakeFirst();
  if (!row) return null;
  return OfficeHoursSettings.parse({
    schedule: row.schedule,
    replyTime: row.reply_time,
    offlineWhen: row.offline_when,
  });
}

/** What applies to a handoff to this team: the team's own settings, else the workspace's, else defaults. */
export async function effectiveOfficeHours(
  db: Kysely<Database>,
  workspaceId: string,
  teamId: string | null,
): Promise<OfficeHoursSettings> {
  if (teamId) {
    const team = await readOfficeHours(db, workspaceId, teamId);
    if (team) return team;
  }
  return (await readOfficeHours(db, workspaceId, null)) ?? DEFAULT_OFFICE_HOURS;
}

/** Validates and stores settings for the workspace (teamId null) or a team; returns what was stored. */
export async function writeOfficeHours(
  db: Kysely<Database>,
  workspaceId: string,
  teamId: string | null,
  input: OfficeHoursSettingsInput,
): Promise<OfficeHoursSettings> {
  const settings = OfficeHoursSettings.parse(input);
  const values = {
    schedule: settings.schedule === null ? null : JSON.stringify(settings.schedule),
    reply_time: JSON.stringify(settings.replyTime),
    offline_when: JSON.stringify(settings.offlineWhen),
    updated_at: new Date(),
  };
  await officeHoursDb(db)
    .insertInto('office_hours')
    .values({ workspace_id: workspaceId, team_id: teamId, ...values })
    .onConflict((oc) => oc.columns(['workspace_id', 'team_key']).doUpdateSet(values))
    .execute();
  return settings;
}

/** Removes a team's own settings so it follows the workspace again. */
export async function clearTeamOfficeHours(db: Kysely<Database>, workspaceId: string, teamId: string): Promise<void> {
  await officeHoursDb(db)
    .deleteFrom('office_hours')
    .where('workspace_id', '=', workspaceId)
    .where('team_id', '=', teamId)
    .execute();
}
