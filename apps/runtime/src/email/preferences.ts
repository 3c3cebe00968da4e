import { NotificationEvent, PreferencesPatch } from '@flowdesk/contract';
import type { Kysely } from 'kysely';
import type { Database, User } from '../db/schema';
import { emailDb } from './tables';

export { NotificationEvent, PreferencesPatch } from '@flowdesk/contract';
export type Preferences = Record<NotificationEvent, boolean>;

/** Everything on until the user says otherwise; SLA escalations only ever go to admins. */
export const DEFAULT_PREFERENCES: Preferences = {
  needs_attention: true,
  assigned_to_you: true,
  assigned_to_team: true,
  unseen_message: true,
  mentioned: true,
  sla_escalation: true,
};

export async function readPreferences(db: Kysely<Database>, userId: string): Promise<Preferences> {
  const rows = await emailDb(db)
    .selectFrom('notification_preferences')
    .select(['event', 'enabled'])
    .where('user_id', '=', userId)
    .execute();
  const prefs = { ...DEFAULT_PREFERENCES };
  for (const row of rows) {
    const event = NotificationEvent.safeParse(row.event);
    if (event.success) prefs[event.data] = row.enabled;
  }
  return prefs;
}

export async function writePreferences(
  db: Kysely<Database>,
  userId: string,
  patch: PreferencesPatch,
): Promise<Preferences> {
  const entries = Object.entries(PreferencesPatch.parse(patch));
  if (entries.length > 0) {
    const now = new Date();
    await emailDb(db)
      .insertInto('notification_preferences')
      .values(entries.map(([event, enabled]) => ({ user_id: userId, event, enabled: enabled!, updated_at: now })))
      .onConflict((oc) =>
        oc.columns(['user_id', 'event']).doUpdateSet((eb) => ({
          enabled: eb.ref('excluded.enabled'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
  return readPreferences(db, userId);
}

/** The users among `users` whose preference for `event` is on (default on). */
export async function usersWanting(db: Kysely<Database>, users: User[], event: NotificationEvent): Promise<User[]> {
  if (users.length === 0) return [];
  const off = await emailDb(db)
    .selectFrom('notification_preferences')
    .select('user_id')
    .where('event', '=', event)
    .where('enabled', '=', false)
    .where(
      'user_id',
      'in',
      users.map((u) => u.id),
    )
    .execute();
  const muted = new Set(off.map((row) => row.user_id));
  return users.filter((u) => !muted.has(u.id));
}
