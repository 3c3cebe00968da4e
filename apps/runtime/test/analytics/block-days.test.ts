import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { blockFigures } from '../../src/analytics/block-figures';
import { rebuildBlockFigures, rollBlockFigures } from '../../src/analytics/block-rollup';
import { databaseKinds } from '../db';
import { doneOrHumanFlow } from '../fixtures/flows';
import { TestVisitor } from '../fixtures/visitor';
import { useTestServer } from '../server';
import { adminWithLiveFlow } from './live-flow-scenario';
import { expectBlockFiguresRecount } from './summary-recount';

const flow = doneOrHumanFlow('days', 'Days');

interface FiguresOfRange {
  started: number;
  atMenu?: number;
  handedOff?: number;
  ended?: number;
}

/**
 * What each block of `flow` (start → menu → handoff or bye) counts, as [reached, visits, droppedOff, handedOff],
 * for the conversations started in a range: every one passes start and the menu once; `atMenu` of them stopped
 * there, `handedOff` went on to the handoff and `ended` to bye. A block no conversation reached has no row.
 */
function figuresOf({ started, atMenu = 0, handedOff = 0, ended = 0 }: FiguresOfRange) {
  return {
    start: [started, started, 0, 0],
    menu: [started, started, atMenu, 0],
    ...(handedOff > 0 && { handoff: [handedOff, handedOff, 0, handedOff] }),
    ...(ended > 0 && { bye: [ended, ended, 0, 0] }),
  };
}

describe.each(databaseKinds)('per-block figures by day on %s', (kind) => {
  const t = useTestServer(kind);

  it('counts each conversation on the day it started in the range’s time zone, and follows it as it goes on', async () => {
    const { bot, workspaceId } = await adminWithLiveFlow(t, 'days', 'Days', flow);
    const db = t.current.server.db;
    const visitor = async () => {
      const v = new TestVisitor(t.current.server.url, bot.id);
      await v.start();
      return v;
    };
    // A stops at the menu; B hands off; C ends.
    const a = await visitor();
    const b = await visitor();
    await b.pick('human', 'Human');
    const c = await visitor();
    await c.pick('done', 'Done');
    // Started (UTC) 18:20 and 18:40 on 9 March, noon on 10 March: in India (UTC+5:30) A on the 9th, B and C on the
    // 10th; in UTC A and B on the 9th.
    const started = { [a.conversationId]: '2026-03-09T18:20:00Z', [b.conversationId]: '2026-03-09T18:40:00Z' };
    started[c.conversationId] = '2026-03-10T12:00:00Z';
    for (const [id, time] of Object.entries(started)) {
      await sql`update conversations set created_at = ${time}::timestamptz where id = ${id}`.execute(db);
    }
    await rebuildBlockFigures(db, workspaceId);

    const figures = async (timeZone: string, from: string, to: string) =>
      Object.fromEntries(
        (await blockFigures(db, workspaceId, { days: { timeZone, query: { from, to } } })).map((row) => [
          row.blockId,
          [row.reached, row.visits, row.droppedOff, row.handedOff],
        ]),
      );
    // One day in India: no whole UTC day in it, read from the conversations' own contributions.
    expect(await figures('Asia/Kolkata', '2026-03-09', '2026-03-09')).toEqual(figuresOf({ started: 1, atMenu: 1 }));
    expect(await figures('Asia/Kolkata', '2026-03-10', '2026-03-10')).toEqual(
      figuresOf({ started: 2, handedOff: 1, ended: 1 }),
    );
    // A whole UTC day, read from the days table only.
    expect(await figures('UTC', '2026-03-09', '2026-03-09')).toEqual(
      figuresOf({ started: 2, atMenu: 1, handedOff: 1 }),
    );
    // A month in India: whole UTC days and both partial ends.
    expect(await figures('Asia/Kolkata', '2026-03-01', '2026-03-31')).toEqual(
      figuresOf({ started: 3, atMenu: 1, handedOff: 1, ended: 1 }),
    );
    expect(await figures('Asia/Kolkata', '2026-04-01', '2026-04-30')).toEqual({});

    // A goes on to a handoff, rolled while other rolls run: it no longer stops at the menu.
    await Promise.all([a.pick('human', 'Human'), rollBlockFigures(db), rollBlockFigures(db)]);
    expect(await figures('Asia/Kolkata', '2026-03-01', '2026-03-31')).toEqual(
      figuresOf({ started: 3, handedOff: 2, ended: 1 }),
    );
    expect(await figures('Asia/Kolkata', '2026-03-09', '2026-03-09')).toEqual(figuresOf({ started: 1, handedOff: 1 }));
    // Nothing left queued, and the days kept step by step equal the days rebuilt from every fact.
    await expectBlockFiguresRecount(db, workspaceId);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from analytics_block_dirty`.execute(db);
    expect(rows[0]!.n).toBe(0);
  });
});
