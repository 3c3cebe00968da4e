import { supportBotFlow } from '@flowdesk/engine';
import { FlowDocument } from '@flowdesk/flow-schema';
import { type Kysely, sql } from 'kysely';
import { DEFAULT_THEME } from '../bots/repository';
import type { Database } from '../db/schema';
import { hashPassword, newId } from '../services/secrets';

export const DEMO_WORKSPACE_ID = 'demo';
export const DEMO_BOT_ID = 'demo-bot';
export const DEMO_FLOW_ID = 'demo-support-flow';
export const DEMO_TEAM_ID = 'demo-support-team';

/** Fixed demo logins (documented in the README); change or remove them before real use. */
export const DEMO_USERS = [
  { email: 'admin@example.com', password: 'demo-admin-123', name: 'Ada Admin', role: 'admin' as const },
  { email: 'agent@example.com', password: 'demo-agent-123', name: 'Sam Agent', role: 'agent' as const },
];

/**
 * The demo workspace: an admin, an agent in a "Support" team, and the support bot with the engine's
 * demo flow published as version 1. Idempotent, and safe when several instances start at once.
 */
export async function seedDemo(db: Kysely<Database>) {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('flowdesk_seed_demo'))`.execute(trx);
    // Seeded once, in this one transaction: after that the demo belongs to the admin, and a restart with
    // SEED_DEMO=true must not undo their changes (a default team unset, a member removed, a user deleted).
    const seeded = await trx
      .selectFrom('workspaces')
      .select('id')
      .where('id', '=', DEMO_WORKSPACE_ID)
      .executeTakeFirst();
    if (seeded) return;
    await trx
      .insertInto('workspaces')
      .values({ id: DEMO_WORKSPACE_ID, name: 'Acme Support' })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const userIds: string[] = [];
    for (const user of DEMO_USERS) {
      const existing = await trx.selectFrom('users').select('id').where('email', '=', user.email).executeTakeFirst();
      if (existing) {
        userIds.push(existing.id);
        continue;
      }
      const id = newId();
      await trx
        .insertInto('users')
        .values({
          id,
          workspace_id: DEMO_WORKSPACE_ID,
          email: user.email,
          name: user.name,
          password_hash: await hashPassword(user.password),
          role: user.role,
        })
        .execute();
      userIds.push(id);
    }
    await trx
      .insertInto('teams')
      .values({ id: DEMO_TEAM_ID, workspace_id: DEMO_WORKSPACE_ID, name: 'Support' })
      .onConflict((oc) => oc.doNothing())
      .execute();
    // Demo handoffs route to Support unless an admin already chose another default team.
    await sql`update teams set is_default = true where id = ${DEMO_TEAM_ID}
      and not exists (select 1 from teams where workspace_id = ${DEMO_WORKSPACE_ID} and is_default)`.execute(trx);
    await trx
      .insertInto('team_members')
      .values({ team_id: DEMO_TEAM_ID, user_id: userIds[1]! })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await trx
      .insertInto('bots')
      .values({
        id: DEMO_BOT_ID,
        workspace_id: DEMO_WORKSPACE_ID,
        name: 'Acme Assistant',
        allowed_origins: JSON.stringify(['*']),
        settings: JSON.stringify({
          theme: DEFAULT_THEME,
          // No fixed subtitle: the widget header shows the live reply time (office hours / reply-time settings).
          strings: { title: 'Acme Support' },
        }),
        flow_id: null,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const document = FlowDocument.parse(supportBotFlow);
    await trx
      .insertInto('flows')
      .values({
        id: DEMO_FLOW_ID,
        bot_id: DEMO_BOT_ID,
        name: document.name,
        draft: JSON.stringify(document),
        updated_by: userIds[0]!,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const published = await trx
      .selectFrom('flow_versions')
      .select('id')
      .where('flow_id', '=', DEMO_FLOW_ID)
      .executeTakeFirst();
    if (!published) {
      await trx
        .insertInto('flow_versions')
        .values({
          id: newId(),
          flow_id: DEMO_FLOW_ID,
          number: 1,
          document: JSON.stringify(document),
          note: 'Demo flow',
          published_by: userIds[0]!,
        })
        .execute();
      await trx.updateTable('bots').set({ flow_id: DEMO_FLOW_ID }).where('id', '=', DEMO_BOT_ID).execute();
    }
  });
  return { workspaceId: DEMO_WORKSPACE_ID, botId: DEMO_BOT_ID, users: DEMO_USERS };
}
