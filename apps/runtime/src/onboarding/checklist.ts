import type { OnboardingChecklist, OnboardingMark } from '@flowdesk/contract';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import { peopleDb } from '../people/tables';

type Marks = Partial<Record<OnboardingMark, boolean>>;

async function readMarks(db: Kysely<Database>, workspaceId: string): Promise<Marks> {
  const row = await db.selectFrom('workspaces').select('settings').where('id', '=', workspaceId).executeTakeFirst();
  const onboarding = (row?.settings as { onboarding?: unknown } | undefined)?.onboarding;
  return onboarding && typeof onboarding === 'object' ? (onboarding as Marks) : {};
}

/** Records a mark in the workspace's settings (`settings.onboarding.<mark> = true`), keeping the other keys. */
export async function recordMark(db: Kysely<Database>, workspaceId: string, mark: OnboardingMark): Promise<void> {
  await db
    .updateTable('workspaces')
    .set({
      settings: sql`coalesce(settings, '{}'::jsonb) || jsonb_build_object('onboarding',
        coalesce(settings->'onboarding', '{}'::jsonb) || jsonb_build_object(${mark}::text, true))`,
    })
    .where('id', '=', workspaceId)
    .execute();
}

const exists = async (query: { executeTakeFirst: () => Promise<unknown> }) =>
  (await query.executeTakeFirst()) !== undefined;

/** The checklist from the workspace's real state plus its recorded marks. */
export async function readChecklist(db: Kysely<Database>, workspaceId: string): Promise<OnboardingChecklist> {
  const bots = db.selectFrom('bots').select('id').where('workspace_id', '=', workspaceId);
  const flows = db.selectFrom('flows').select('id').where('bot_id', 'in', bots);
  const [marks, built, published, widgetLoaded, invited, users] = await Promise.all([
    readMarks(db, workspaceId),
    exists(
      db
        .selectFrom('flows')
        .select('id')
        .where('bot_id', 'in', bots)
        .where(sql<boolean>`jsonb_array_length(coalesce(draft->'blocks', '[]'::jsonb)) > 1`)
        .limit(1),
    ),
    exists(db.selectFrom('flow_versions').select('id').where('flow_id', 'in', flows).limit(1)),
    // A visitor row is made when the widget loads on a page and opens a session.
    exists(db.selectFrom('visitors').select('id').where('bot_id', 'in', bots).limit(1)),
    exists(peopleDb(db).selectFrom('user_invites').select('id').where('workspace_id', '=', workspaceId).limit(1)),
    db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow(),
  ]);
  const done = {
    build: built,
    preview: marks.previewed === true,
    publish: published,
    embed: widgetLoaded || marks.embed_copied === true,
    invite: invited || Number(users.n) > 1,
  };
  return {
    steps: (['build', 'preview', 'publish', 'embed', 'invite'] as const).map((id) => ({ id, done: done[id] })),
    dismissed: marks.dismissed === true,
  };
}
