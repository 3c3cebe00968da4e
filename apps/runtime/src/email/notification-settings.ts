import { NotificationSettings, NotificationSettingsPatch } from '@flowdesk/contract';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../db/schema';
import { emailDb } from './tables';

/** Workspace-wide notification rules, edited by admins. */
export { NotificationSettings, NotificationSettingsPatch } from '@flowdesk/contract';

export async function readNotificationSettings(
  db: Kysely<Database>,
  workspaceId: string,
): Promise<NotificationSettings> {
  const row = await emailDb(db)
    .selectFrom('notification_settings')
    .select('settings')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return NotificationSettings.parse(row?.settings ?? {});
}

export async function writeNotificationSettings(
  db: Kysely<Database>,
  workspaceId: string,
  patch: z.input<typeof NotificationSettingsPatch>,
): Promise<NotificationSettings> {
  const current = await readNotificationSettings(db, workspaceId);
  const next = NotificationSettings.parse({ ...current, ...NotificationSettingsPatch.parse(patch) });
  const settings = JSON.stringify(next);
  await emailDb(db)
    .insertInto('notification_settings')
    .values({ workspace_id: workspaceId, settings, updated_at: new Date() })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ settings, updated_at: new Date() }))
    .execute();
  return next;
}
