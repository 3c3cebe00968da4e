import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import type { Services } from '../services';
import { startPeriodic } from '../services/periodic';
import { indexKnowledgeSource } from './indexer';
import { scheduledRefreshes } from './refresh';
import { type KnowledgeDatabase, knowledgeDb } from './tables';
import { workspaceEmbedder } from './workspace-embedder';

/**
 * A source left pending or indexing this long was dropped by a process that stopped (crash, deploy): indexing
 * writes progress at least per page, so a live one is never this quiet.
 */
export const STALE_INDEXING_MS = 10 * 60_000;
const PASS_MS = 60_000;
/** Sources this instance indexes at once from the schedule (uploads and "add" index at once, apart). */
const MAX_IN_FLIGHT = 2;

/** Due now: a scheduled web refresh whose interval has passed since the last try, or an abandoned index. */
function isDue(eb: ExpressionBuilder<KnowledgeDatabase, 'knowledge_sources'>, now: Date) {
  const stale = new Date(now.getTime() - STALE_INDEXING_MS);
  return eb.or([
    eb.and([eb('status', 'in', ['pending', 'indexing']), eb('updated_at', '<', stale)]),
    ...scheduledRefreshes.map(({ refresh, ms }) =>
      eb.and([
        eb('kind', '=', 'web'),
        eb('status', 'in', ['ready', 'failed']),
        eb(sql<string>`config->>'refresh'`, '=', refresh),
        eb('updated_at', '<=', new Date(now.getTime() - ms)),
      ]),
    ),
  ]);
}

/**
 * Claims up to `limit` due sources by marking them indexing, each in one conditional update that re-checks it is
 * still due: of several instances scanning at once, exactly one wins a source.
 */
export async function claimDueSources(db: Kysely<Database>, now: Date, limit: number) {
  const kdb = knowledgeDb(db);
  const candidates = await kdb
    .selectFrom('knowledge_sources')
    .select(['id', 'workspace_id'])
    .where((eb) => isDue(eb, now))
    .orderBy('updated_at')
    .limit(limit)
    .execute();
  const claimed: typeof candidates = [];
  for (const candidate of candidates) {
    const result = await kdb
      .updateTable('knowledge_sources')
      .set({ status: 'indexing', updated_at: new Date() })
      .where('id', '=', candidate.id)
      .where((eb) => isDue(eb, now))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) claimed.push(candidate);
  }
  return claimed;
}

export interface KnowledgeRefresher {
  /** One pass: claims what is due and starts indexing it; resolves when those indexes have finished. */
  pass(now?: Date): Promise<number>;
}

/** Scheduled refreshes and recovery of indexes a stopped process left behind, safe on several instances. */
export function knowledgeRefresher(services: Services): KnowledgeRefresher {
  let inFlight = 0;
  return {
    async pass(now = new Date()) {
      const room = MAX_IN_FLIGHT - inFlight;
      if (room <= 0) return 0;
      const claimed = await claimDueSources(services.db, now, room);
      inFlight += claimed.length;
      await Promise.all(
        claimed.map((source) =>
          indexKnowledgeSource(services.db, source.workspace_id, source.id, {
            allowPrivate: services.config.HTTP_BLOCK_ALLOW_PRIVATE,
            embedder: workspaceEmbedder(services, source.workspace_id),
          }).finally(() => {
            inFlight--;
          }),
        ),
      );
      if (claimed.length > 0) services.logger.info({ sources: claimed.length }, 'knowledge sources re-indexed');
      return claimed.length;
    },
  };
}

export function startKnowledgeRefresh(services: Services) {
  const refresher = knowledgeRefresher(services);
  startPeriodic(services, { name: 'knowledge refresh', intervalMs: PASS_MS, runAtStart: true }, () => refresher.pass());
}
