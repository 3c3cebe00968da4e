import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../../src/db/database';
import type { HubEvent } from '../../src/realtime/events';
import type { HubBridge } from '../../src/realtime/hub';
import { RealtimeHub } from '../../src/realtime/hub';
import { startPgBridge } from '../../src/realtime/pg-bridge';
import { createTestDatabase, type TestDatabase } from '../db';
import { until as poll } from '../poll';
import { startTcpProxyFor, type TcpProxy, viaProxy } from '../reliability/harness/tcp-proxy';

const mention = (text: string): HubEvent => ({
  kind: 'mention',
  workspaceId: 'w1',
  userId: 'u1',
  conversationId: 'c1',
  authorName: 'Ana',
  visitorName: null,
  text,
});

/**
 * Instance A stores data (committed) and then cannot NOTIFY: its database connection is cut. Instance
 * B's listener never went down, so nothing else would tell it.
 */
describe('realtime events published while the database is unreachable (PostgreSQL)', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let viaA: DatabaseHandle;
  const bridges: HubBridge[] = [];
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    proxy = await startTcpProxyFor(database.config.DATABASE_URL!, 5432);
    viaA = createDatabase({ DATABASE_URL: viaProxy(database.config.DATABASE_URL!, proxy), DATA_DIR: 'memory://' });
  });
  afterAll(async () => {
    for (const bridge of bridges) await bridge.close();
    await viaA?.close();
    await proxy?.close();
    await database?.dispose();
  });

  it('are relayed to the other instances, in order, once it is back', async () => {
    const url = database.config.DATABASE_URL!;
    const failedPublishes: unknown[] = [];
    const hubA = new RealtimeHub((error) => failedPublishes.push(error));
    const hubB = new RealtimeHub(() => {});
    const bridgeA = await startPgBridge({ connectionString: url, db: viaA.db, hub: hubA, onError: () => {} });
    const bridgeB = await startPgBridge({ connectionString: url, db: database.db, hub: hubB, onError: () => {} });
    bridges.push(bridgeA, bridgeB);
    hubA.attachBridge(bridgeA);
    const received: string[] = [];
    hubB.subscribe((event) => {
      if (event.kind === 'mention') received.push(event.text);
    });
    hubA.publish(mention('before'));
    await until(() => received.length === 1);

    await proxy.cut();
    hubA.publish(mention('during 1'));
    hubA.publish(mention('during 2'));
    // The NOTIFY carrying both failed (A kept them to send again): B cannot have heard them.
    await until(() => failedPublishes.length > 0);
    expect(received).toEqual(['before']);
    await proxy.restore();
    await until(() => received.length === 3);
    hubA.publish(mention('after'));
    await until(() => received.length === 4);
    expect(received).toEqual(['before', 'during 1', 'during 2', 'after']);
  });
});

const until = (check: () => boolean, timeoutMs = 20_000) => poll(check, timeoutMs, 50);
