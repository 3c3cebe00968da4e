import { describe, expect, it, vi } from 'vitest';
import { MAX_SOCKETS_PER_VISITOR } from '../../src/realtime/ws-route';
import { databaseKinds } from '../db';
import { seedWorkspace } from '../fixtures/accounts';
import { helloFlow, publishFlow } from '../fixtures/flows';
import { TestVisitor } from '../fixtures/visitor';
import { TestSocket, wsUrl } from '../fixtures/ws-client';
import { useTestServer } from '../server';

describe.each(databaseKinds)('WebSocket limits (%s)', (kind) => {
  const t = useTestServer(kind);

  async function visitor() {
    const { bot } = await seedWorkspace(t.current.server.db);
    await publishFlow(t.current.server.db, bot.id, helloFlow());
    const v = new TestVisitor(t.current.server.url, bot.id);
    await v.start();
    return v;
  }
  const open = (v: TestVisitor) => TestSocket.open(wsUrl(t.current.server.url, `?visitorToken=${v.token}`));

  it('a frame above 64 KiB closes the socket with 1009 before it is buffered whole', async () => {
    const socket = await open(await visitor());
    socket.ws.send('x'.repeat(100 * 1024));
    expect(await socket.closed).toBe(1009);
  });

  it('sockets per visitor are bounded: the next upgrade gets 429; closing one frees a place', async () => {
    const v = await visitor();
    const sockets = await Promise.all(Array.from({ length: MAX_SOCKETS_PER_VISITOR }, () => open(v)));
    await expect(open(v)).rejects.toThrow('HTTP 429');
    sockets[0]!.close();
    await sockets[0]!.closed;
    // The place frees once the closed socket's row is gone (written in the background).
    const again = await vi.waitFor(() => open(v), { timeout: 5000, interval: 50 });
    for (const socket of [...sockets.slice(1), again]) socket.close();
  });

  it('a NUL in a subscribe is refused as invalid input, as HTTP does, not as an internal error', async () => {
    const v = await visitor();
    const socket = await open(v);
    socket.send({ type: 'subscribe', conversationId: 'a\u0000b', afterSeq: 0 });
    const frames = await socket.until((all) => all.some((f) => f.type === 'error'));
    const error = frames.find((f) => f.type === 'error');
    expect(error).toMatchObject({ code: expect.stringMatching(/invalid_value|not_found/) });
    expect(error).not.toMatchObject({ code: 'internal' });
    const http = await v.history(0, 'a\u0000b');
    expect(http.status).toBeLessThan(500);
    socket.close();
  });
});
