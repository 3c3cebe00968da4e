import { supportBotFlow } from '@flowdesk/engine';
import type { RunningServer } from '../../src/server';
import { loginHeaders, seedWorkspace } from '../fixtures/accounts';
import { publishFlow } from '../fixtures/flows';
import { TestVisitor } from '../fixtures/visitor';
import { TestSocket, wsUrl } from '../fixtures/ws-client';
import { expectEveryStoredMessageOnce } from './redis-fixture';

/**
 * The scenario of the Redis outage suites: a visitor of the demo bot on A (from address `ip`) and an agent's
 * socket on B following the conversation (B hears of A's messages only through Redis).
 */
export async function visitorOnAFollowedOnB(a: RunningServer, b: RunningServer, ip: string) {
  const { bot, agent } = await seedWorkspace(a.db);
  await publishFlow(a.db, bot.id, supportBotFlow);
  const visitor = new TestVisitor(a.url, bot.id, undefined, { 'x-forwarded-for': ip });
  await visitor.start();
  const { cookie } = await loginHeaders(b.url, agent.email);
  const agentWs = await TestSocket.open(wsUrl(b.url), { headers: { cookie } });
  agentWs.send({ type: 'subscribe', conversationId: visitor.conversationId, afterSeq: 0 });
  return { bot, visitor, agentWs };
}

/**
 * Once Redis is back: B's agent catches up on the messages sent meanwhile (`missed`), hears the next one
 * (`text`) live again, and has every stored message exactly once.
 */
export async function expectCaughtUpAndLive(
  [a, b]: [RunningServer, RunningServer],
  { visitor, agentWs }: { visitor: TestVisitor; agentWs: TestSocket },
  missed: number[],
  text: string,
) {
  await agentWs.until(() => missed.every((seq) => agentWs.seqs().includes(seq)), 30_000);
  const after = await visitor.say(text);
  await agentWs.until(() => agentWs.seqs().includes(after.message.seq), 15_000);
  await expectEveryStoredMessageOnce([a, b], agentWs, visitor.conversationId);
}
