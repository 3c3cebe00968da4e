import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../../src/db/schema';
import type { Services } from '../../src/services';
import { withConversation } from '../../src/services/conversation-tx';
import { seedWorkspace } from '../fixtures/accounts';
import { helloFlow, publishFlow } from '../fixtures/flows';
import { TestVisitor } from '../fixtures/visitor';
import { TestSocket, wsUrl } from '../fixtures/ws-client';

/** A new workspace whose bot says hello, and a visitor's conversation with it started through `url`. */
export async function helloConversation(db: Kysely<Database>, url: string) {
  const seeded = await seedWorkspace(db);
  await publishFlow(db, seeded.bot.id, helloFlow());
  const visitor = new TestVisitor(url, seeded.bot.id);
  await visitor.start();
  return { ...seeded, visitor };
}

/** An internal note in a conversation, stored and published as the inbox does. */
export async function note(services: Services, conversationId: string, text: string) {
  await withConversation(services, conversationId, (tx) =>
    tx.append([
      { author: 'agent', authorName: 'Alice', content: { type: 'note', text, mentions: [] }, internal: true },
    ]),
  );
}

export const received = (socket: TestSocket, text: string) => JSON.stringify(socket.frames).includes(text);

/** The close code, or -1 when the socket is still open after `ms`. */
export const closedWithin = (socket: TestSocket, ms = 5000) =>
  Promise.race([socket.closed, new Promise<number>((resolve) => setTimeout(() => resolve(-1), ms))]);

/** An agent's socket following `conversationId`, shown to be receiving internal notes. */
export async function followingSocket(services: Services, url: string, cookie: string, conversationId: string) {
  const socket = await TestSocket.open(wsUrl(url), { headers: { cookie } });
  socket.send({ type: 'subscribe', conversationId, afterSeq: 0 });
  const probe = `probe ${Math.random()}`;
  await socket.until((frames) => frames.some((frame) => frame.type === 'conversation'));
  await note(services, conversationId, probe);
  await socket.until(() => received(socket, probe));
  return socket;
}

/**
 * After the server closed the socket, a new note does not reach it. Closed on our side too, it can receive no
 * frame any more: what it holds now is final (no wait needed before looking).
 */
export async function expectNoteNotReceived(services: Services, socket: TestSocket, conversationId: string) {
  expect(socket.ws.readyState).toBe(socket.ws.CLOSED);
  const secret = `secret ${Math.random()}`;
  await note(services, conversationId, secret);
  expect(received(socket, secret)).toBe(false);
}
