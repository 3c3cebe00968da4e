import { type Kysely, sql } from 'kysely';
import type { Database, JsonObject, PendingEffectRow } from '../db/schema';

export interface NewPendingEffect {
  id: string;
  conversationId: string;
  workspaceId: string;
  kind: string;
  request: JsonObject;
  deadlineAt: Date;
  leaseUntil: Date;
}

/**
 * Records effects to run (not executed: the caller runs it alone or as a CTE beside other writes);
 * re-recording an id (a hand back re-arms it) renews its deadline and lease.
 */
export function insertPendingEffects(db: Kysely<Database>, effects: NewPendingEffect[]) {
  return db
    .insertInto('pending_effects')
    .values(
      effects.map((effect) => ({
        id: effect.id,
        conversation_id: effect.conversationId,
        workspace_id: effect.workspaceId,
        kind: effect.kind,
        request: JSON.stringify(effect.request),
        deadline_at: effect.deadlineAt,
        lease_until: effect.leaseUntil,
      })),
    )
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        deadline_at: eb.ref('excluded.deadline_at'),
        lease_until: eb.ref('excluded.lease_until'),
      })),
    );
}

/** The row as `insertPendingEffects` writes it, for the runner (attempts as on a first recording). */
export function pendingEffectRow(effect: NewPendingEffect, now = new Date()): PendingEffectRow {
  return {
    id: effect.id,
    conversation_id: effect.conversationId,
    workspace_id: effect.workspaceId,
    kind: effect.kind,
    request: effect.request,
    deadline_at: effect.deadlineAt,
    lease_until: effect.leaseUntil,
    attempts: 0,
    created_at: now,
  };
}

export async function pendingEffectExists(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db.selectFrom('pending_effects').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/**
 * Takes over up to `limit` effects whose lease ran out (their instance crashed or stopped): each gets a
 * new lease of `leaseMs` and one more attempt. SKIP LOCKED lets several instances sweep at once.
 */
export async function claimExpiredEffects(
  db: Kysely<Database>,
  options: { limit: number; leaseMs: number },
): Promise<PendingEffectRow[]> {
  const expired = db
    .selectFrom('pending_effects')
    .select('id')
    .where('lease_until', '<', sql<Date>`now()`)
    .orderBy('lease_until')
    .limit(options.limit)
    .forUpdate()
    .skipLocked();
  return db
    .updateTable('pending_effects')
    .set({
      lease_until: sql<Date>`now() + ${`${options.leaseMs} milliseconds`}::interval`,
      attempts: sql<number>`attempts + 1`,
    })
    .where('id', 'in', expired)
    .returningAll()
    .execute();
}

/** Gives effects back (shutdown): their lease ends now, so the next instance runs them at once. */
export async function releaseEffects(db: Kysely<Database>, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('pending_effects').set({ lease_until: sql<Date>`now()` }).where('id', 'in', ids).execute();
}

/** Keeps the leases of the effects this instance holds (running or waiting for a slot). */
export async function renewEffectLeases(db: Kysely<Database>, ids: string[], leaseMs: number): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('pending_effects')
    .set({ lease_until: sql<Date>`now() + ${`${leaseMs} milliseconds`}::interval` })
    .where('id', 'in', ids)
    .execute();
}
