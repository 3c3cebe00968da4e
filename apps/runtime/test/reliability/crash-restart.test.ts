import type { Message, ServerFrame } from '@flowdesk/contract';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db';
import { loginHeaders } from '../fixtures/accounts';
import { TestSocket, wsUrl } from '../fixtures/ws-client';
import { type LoadVisitor, startVisitors } from './harness/clients';
import { seedEchoBot } from './harness/echo-bot';
import { type Attempt, acknowledged, checkLedger, isCompleteRun } from './harness/ledger';
import { type RuntimeProcess, spawnRuntime } from './harness/runtime-process';

const BOT_CONVERSATIONS = 6;
const AGENT_CONVERSATIONS = 4;

async function post(url: string, headers: Record<string, string>, body: unknown) {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

/** Sends one attempt to `baseUrl` (visitor or agent API) and records the status. */
async function deliver(
  baseUrl: string,
  attempt: Attempt,
  tokens: Map<string, string>,
  agentHeaders: Record<string, string>,
) {
  attempt.status =
    attempt.author === 'visitor'
      ? await post(
          `${baseUrl}/api/public/conversations/${attempt.conversationId}/messages`,
          { authorization: `Bearer ${tokens.get(attempt.conversationId)}` },
          { clientId: attempt.clientId, content: { type: 'text', text: attempt.text } },
        )
      : await post(`${baseUrl}/api/inbox/conversations/${attempt.conversationId}/messages`, agentHeaders, {
          clientId: attempt.clientId,
          text: attempt.text,
        });
}

describe('kill -9 of a runtime process under load (PostgreSQL)', () => {
  let database: TestDatabase;
  let runtime: RuntimeProcess | undefined;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await runtime?.kill9();
    await database?.dispose();
  });

  it('after a restart every acknowledged message is stored exactly once, delivered, and the flow resumes', async () => {
    const { bot, agent } = await seedEchoBot(database.db);
    const url = database.config.DATABASE_URL!;
    runtime = await spawnRuntime({ databaseUrl: url });
    const visitors = await startVisitors(runtime.url, bot.id, BOT_CONVERSATIONS + AGENT_CONVERSATIONS, 4);
    const tokens = new Map(visitors.map((visitor) => [visitor.conversationId, visitor.token]));
    const agentHeaders = await loginHeaders(runtime.url, agent.email);
    const taken = visitors.slice(BOT_CONVERSATIONS);
    for (const visitor of taken) {
      expect(
        await post(`${runtime.url}/api/inbox/conversations/${visitor.conversationId}/takeover`, agentHeaders, {}),
      ).toBe(200);
    }

    // Load: every conversation has a visitor sender; taken-over ones also an agent sender.
    const attempts: Attempt[] = [];
    let stop = false;
    const first = runtime;
    const sender = async (visitor: LoadVisitor, author: Attempt['author']) => {
      for (let n = 0; !stop; n++) {
        const attempt: Attempt = {
          conversationId: visitor.conversationId,
          clientId: `${author}-${n}`,
          author,
          text: `${author} message ${n}`,
          status: -1,
        };
        attempts.push(attempt);
        await deliver(first.url, attempt, tokens, agentHeaders);
        if (attempt.status === 0) return;
      }
    };
    const load = Promise.all([
      ...visitors.map((visitor) => sender(visitor, 'visitor')),
      ...taken.map((visitor) => sender(visitor, 'agent')),
    ]);
    // Killed mid-load: once more than ten writes were acknowledged, with senders still going.
    await vi.waitFor(() => expect(attempts.filter(acknowledged).length).toBeGreaterThan(10), {
      timeout: 30_000,
      interval: 20,
    });
    expect(await runtime.kill9()).toBe('SIGKILL');
    stop = true;
    await load;
    const beforeRestart = attempts.filter(acknowledged).length;
    expect(beforeRestart).toBeGreaterThan(10);
    const interrupted = attempts.filter((attempt) => !acknowledged(attempt));
    expect(interrupted.length).toBeGreaterThan(0);

    // Restart; clients retry what was never acknowledged, with the same clientId (the widget's outbox).
    runtime = await spawnRuntime({ databaseUrl: url });
    for (const attempt of interrupted) await deliver(runtime.url, attempt, tokens, agentHeaders);
    const ledger = await checkLedger(database.db, attempts);
    console.log(
      `kill -9 figures: ${JSON.stringify({ ...ledger, acknowledgedBeforeKill: beforeRestart, interrupted: interrupted.length })}`,
    );
    expect(attempts.every(acknowledged)).toBe(true);
    expect(ledger.lost).toEqual([]);
    expect(ledger.duplicated).toEqual([]);
    expect(ledger.gaps).toEqual([]);

    // Delivered to the other side after reconnecting: agent (all conversations) and each visitor replay by seq.
    const agentSocket = await TestSocket.open(wsUrl(runtime.url), { headers: { cookie: agentHeaders.cookie } });
    for (const { conversationId } of visitors) agentSocket.send({ type: 'subscribe', conversationId, afterSeq: 0 });
    const lastSeqs = new Map(
      (await database.db.selectFrom('conversations').select(['id', 'last_seq']).execute()).map((row) => [
        row.id,
        row.last_seq,
      ]),
    );
    const done = (frames: ServerFrame[], id: string) =>
      frames.some(
        (frame) =>
          frame.type === 'message' && frame.message.conversationId === id && frame.message.seq === lastSeqs.get(id),
      );
    await agentSocket.until((frames) => visitors.every((visitor) => done(frames, visitor.conversationId)), 15_000);
    for (const visitor of visitors) {
      const received = agentSocket.messages(visitor.conversationId);
      expect(isCompleteRun(received)).toBe(true);
      const clientIds = new Set(received.flatMap((message) => (message.clientId ? [message.clientId] : [])));
      for (const attempt of attempts.filter((a) => a.conversationId === visitor.conversationId)) {
        expect(clientIds.has(attempt.clientId)).toBe(true);
      }
    }
    for (const visitor of taken) {
      const socket = await TestSocket.open(wsUrl(runtime.url, `?visitorToken=${visitor.token}`));
      socket.send({ type: 'subscribe', conversationId: visitor.conversationId, afterSeq: 0 });
      await socket.until((frames) => done(frames, visitor.conversationId));
      const agentTexts = socket.messages().filter((message) => message.author === 'agent');
      expect(agentTexts.length).toBe(
        attempts.filter((a) => a.conversationId === visitor.conversationId && a.author === 'agent').length,
      );
      await socket.close();
    }

    // The bot conversations resume in the right state: every visitor message was echoed exactly once, in order.
    for (const visitor of visitors.slice(0, BOT_CONVERSATIONS)) {
      const messages = agentSocket.messages(visitor.conversationId);
      const echoes = (list: Message[]) =>
        list.flatMap((m) => (m.content.type === 'text' ? [`${m.author}:${m.content.text}`] : []));
      const expected = attempts
        .filter((a) => a.conversationId === visitor.conversationId)
        .flatMap((a) => [`visitor:${a.text}`, `bot:You said: ${a.text}`]);
      expect(echoes(messages)).toEqual(expected);
    }
    await agentSocket.close();
    await runtime.stop();
    runtime = undefined;
  });
});
