import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { emailDb } from './tables';

/** Workspace-wide notification rules, edited by admins. */
export const NotificationSettings = z.object({
  /** `team`: members of the conversation's team (all agents when it has none); `all`: every agent. */
  needsAttentionTo: z.enum(['team', 'all']).default('team'),
  /** At most one needs-attention email per conversation per recipient in this many minutes. */
  throttleMinutes: z.number().int().min(1).max(1440).default(30),
  /** Email the assignee when a visitor message stays unanswered this long. */
  unseenAfterMinutes: z.number().int().min(1).max(1440).default(10),
  /** Escalate to admins when a handoff waits longer than this without a human reply. */
  slaMinutes: z.number().int().min(1).max(10_080).default(15),
  /** Email the visitor a transcript when the conversation is resolved (when their email is known). */
  transcriptOnResolve: z.boolean().default(false),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;
export const NotificationSettingsPatch = NotificationSettings.partial();

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
