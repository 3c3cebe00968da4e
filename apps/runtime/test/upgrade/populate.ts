/**
 * Fills a database with the data of a live install: run by build-fixture.ts inside a git worktree of an
 * older build (copied to the same path there), so every row and saved conversation state is written by that
 * build's own code. Reads DATABASE_URL and MANIFEST_FILE; writes the manifest (ids, visitor tokens, logins)
 * the upgrade test uses to continue the conversations. With UPGRADE_PENDING=1 (builds that defer flow calls)
 * one conversation is left waiting for its HTTP call: the process exits while the call is held.
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testConfig } from '../../src/config';
import { startServer } from '../../src/server';
import { loginHeaders, PASSWORD, seedWorkspace } from '../fixtures/accounts';
import { publishFlow } from '../fixtures/flows';
import { TestVisitor } from '../fixtures/visitor';
import { createTeam } from '../inbox/fixtures';
import { upgradeFlow } from './upgrade-flow';

export interface UpgradeManifest {
  build: string;
  workspaceId: string;
  botId: string;
  teamId: string;
  agentEmail: string;
  adminEmail: string;
  password: string;
  /** Conversation id and visitor token by what the conversation waits for. */
  conversations: Record<string, { id: string; token: string }>;
}

const databaseUrl = process.env.DATABASE_URL;
const manifestFile = process.env.MANIFEST_FILE;
if (!databaseUrl || !manifestFile) throw new Error('DATABASE_URL and MANIFEST_FILE are required');

// A loopback API that never answers: the deferred call stays pending until this process is gone.
const held = createServer(() => {
  heldArrived?.();
});
await new Promise<void>((resolve) => held.listen(0, '127.0.0.1', resolve));
let heldArrived: (() => void) | undefined;
const lookupUrl = `http://127.0.0.1:${(held.address() as AddressInfo).port}/status`;

const server = await startServer(
  testConfig({ DATABASE_URL: databaseUrl, EMAIL_WORKER: 'false', HTTP_BLOCK_ALLOW_PRIVATE: 'true' } as never),
);
const { db, url } = server;
const ws = await seedWorkspace(db, 'Upgrade');
const teamId = await createTeam(db, ws.workspaceId, 'Support', [ws.agent.id]);
await publishFlow(db, ws.bot.id, upgradeFlow(teamId, lookupUrl));
const agent = await loginHeaders(url, ws.agent.email);
const conversations: UpgradeManifest['conversations'] = {};

async function visitor(label: string, steps: (v: TestVisitor) => Promise<unknown> = async () => {}) {
  const v = new TestVisitor(url, ws.bot.id);
  await v.start();
  await steps(v);
  conversations[label] = { id: v.conversationId, token: v.token };
  return v;
}

async function inbox(conversationId: string, action: 'messages' | 'handback' | 'resolve', json?: unknown) {
  const response = await fetch(`${url}/api/inbox/conversations/${conversationId}/${action}`, {
    method: 'POST',
    headers: { ...agent, 'content-type': 'application/json' },
    body: JSON.stringify(json ?? {}),
  });
  if (response.status >= 300) throw new Error(`${action} failed: ${response.status} ${await response.text()}`);
}

const named = (name: string) => (v: TestVisitor) => v.say(name);
const MENU = { order: 'An order', status: 'Shop status', human: 'A person' } as const;
/** Gives `name`, then picks `option` of the menu. */
const namedThenPicks = (name: string, option: keyof typeof MENU) => async (v: TestVisitor) => {
  await v.say(name);
  await v.pick(option, MENU[option]);
};
await visitor('atName');
await visitor('atMenu', named('Bea'));
await visitor('atOrder', namedThenPicks('Cy', 'order'));
const withAgent = await visitor('withAgent', namedThenPicks('Dee', 'human'));
await inbox(withAgent.conversationId, 'messages', { text: 'Hello Dee, Andy here.' });
await withAgent.say('Thanks Andy');
await visitor('queued', namedThenPicks('Eve', 'human'));
const resolved = await visitor('resolved', namedThenPicks('Fay', 'human'));
await inbox(resolved.conversationId, 'messages', { text: 'All done, Fay.' });
await inbox(resolved.conversationId, 'resolve');
await visitor('ended', async (v) => {
  await v.say('Gus');
  await v.pick('order', 'An order');
  await v.say('A-1');
});
const handedBack = await visitor('handedBack', namedThenPicks('Hal', 'human'));
await inbox(handedBack.conversationId, 'messages', { text: 'Back to the bot, Hal.' });
await inbox(handedBack.conversationId, 'handback');

const manifest: UpgradeManifest = {
  build: process.env.BUILD ?? 'unknown',
  workspaceId: ws.workspaceId,
  botId: ws.bot.id,
  teamId,
  agentEmail: ws.agent.email,
  adminEmail: ws.admin.email,
  password: PASSWORD,
  conversations,
};

if (process.env.UPGRADE_PENDING === '1') {
  const arrived = new Promise<void>((resolve) => {
    heldArrived = resolve;
  });
  await visitor('pendingCall', namedThenPicks('Ida', 'status'));
  await arrived;
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  // Gone mid-call, as in a crash or a deploy: the call stays recorded as pending for the next build.
  process.exit(0);
}
writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
await server.close();
held.close();
process.exit(0);
