import {
  type ClientSocket,
  inParallel,
  type LoadVisitor,
  openSocket,
  wsUrlOf,
} from '../../../apps/runtime/test/reliability/harness/clients';

/** Opens one widget socket per visitor, subscribed to its conversation: "live" conversations. */
export async function openVisitorSockets(baseUrl: string, visitors: LoadVisitor[], concurrency = 50) {
  return inParallel(visitors, concurrency, async (visitor): Promise<ClientSocket> => {
    const ws = await openSocket(wsUrlOf(baseUrl, `?visitorToken=${visitor.token}`));
    ws.send(JSON.stringify({ type: 'subscribe', conversationId: visitor.conversationId, afterSeq: visitor.lastSeq }));
    return ws;
  });
}
