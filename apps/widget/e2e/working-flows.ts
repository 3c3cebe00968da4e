import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { api, type Session } from './runtime-api';
import type { widget } from './widget-page';

/** Flows whose bot makes a call before it answers (AI answer, HTTP block), and what they call. */

const at = (n: number, row = 0) => ({ x: n * 260, y: row * 140 });
const say = (id: string, n: number, text: string, row = 0) => ({
  id,
  type: 'message',
  position: at(n, row),
  data: { content: { type: 'text', text } },
});
const ask = (id: string, n: number, prompt: string, saveAs: string) => ({
  id,
  type: 'capture',
  position: at(n),
  data: { prompt, inputType: 'text', saveAs },
});
/** Each block's exits (output handle → the block it leads to) as edges numbered e1, e2, … in the order written. */
const edgesFrom = (exits: Record<string, Record<string, string>>) =>
  Object.entries(exits)
    .flatMap(([source, targets]) =>
      Object.entries(targets).map(([sourceHandle, target]) => [source, sourceHandle, target]),
    )
    .map(([source, sourceHandle, target], i) => ({ id: `e${i + 1}`, source, sourceHandle, target }));

/** A flow document: the start block, then `blocks`, wired by `exits` (output handle → next block, per block). */
export function flowOf<Block extends { id: string }>({
  blocks,
  exits,
  ...rest
}: {
  id: string;
  name: string;
  variables?: { name: string }[];
  blocks: Block[];
  exits: Record<string, Record<string, string>>;
}) {
  return {
    schemaVersion: 1,
    ...rest,
    blocks: [{ id: 'start', type: 'start', position: at(0), data: {} }, ...blocks],
    edges: edgesFrom(exits),
  };
}

export const AI_PROMPT = 'What would you like to know?';

/** start → ask → "Let me look that up." → AI answer → (answered) ask again, (not found) "I do not know that." → ask. */
export function aiAnswerFlow() {
  return flowOf({
    id: 'ai-answers',
    name: 'AI answers',
    variables: [{ name: 'question' }],
    blocks: [
      ask('ask', 1, AI_PROMPT, 'question'),
      say('lookup', 2, 'Let me look that up.'),
      {
        id: 'answer',
        type: 'ai_answer',
        position: at(3),
        data: { knowledge: 'Refunds reach the card within five business days after the parcel arrives.' },
      },
      say('unknown', 4, 'I do not know that.', 1),
    ],
    exits: {
      start: { next: 'ask' },
      ask: { next: 'lookup' },
      lookup: { next: 'answer' },
      answer: { answered: 'ask', not_found: 'unknown' },
      unknown: { next: 'ask' },
    },
  });
}

/**
 * Opens the widget of a bot running `aiAnswerFlow` on knowledge with the refunds passage, asks how long refunds
 * take and returns the answer's bubble once it shows.
 */
export async function askAboutRefunds(w: ReturnType<typeof widget>) {
  await w.launcher.click();
  await w.botSays(AI_PROMPT).waitFor();
  await w.send('How long do refunds take?');
  const answer = w.botSays('Refunds are paid back to the original card within 5 business days');
  await answer.waitFor();
  return answer;
}

export const ORDER_PROMPT = 'Order number?';

/** start → ask the order number → HTTP GET `${url}/orders/{{order}}` → "Order <n> is <status>." (or "Lookup failed.") → ask again. */
export function orderFlow(url: string) {
  return flowOf({
    id: 'orders',
    name: 'Orders',
    variables: [{ name: 'order' }, { name: 'status' }],
    blocks: [
      ask('ask', 1, ORDER_PROMPT, 'order'),
      {
        id: 'lookup',
        type: 'http_request',
        position: at(2),
        data: {
          url: `${url}/orders/{{order}}`,
          timeoutMs: 5000,
          responseMapping: [{ path: 'status', variable: 'status' }],
        },
      },
      say('found', 3, 'Order {{order}} is {{status}}.'),
      say('failed', 3, 'Lookup failed.', 1),
    ],
    exits: {
      start: { next: 'ask' },
      ask: { next: 'lookup' },
      lookup: { success: 'found', error: 'failed' },
      found: { next: 'ask' },
      failed: { next: 'ask' },
    },
  });
}

/** A bot open to every site with `draft` published as its flow; returns the bot's id. */
export async function botWithFlow(runtimeUrl: string, admin: Session, name: string, draft: unknown): Promise<string> {
  const call = <T>(method: string, path: string, body?: unknown) => api<T>(runtimeUrl, admin, method, path, body);
  const { bot } = await call<{ bot: { id: string } }>('POST', '/api/admin/bots', { name, allowedOrigins: ['*'] });
  const { flow } = await call<{ flow: { id: string } }>('POST', '/api/admin/flows', { botId: bot.id, name, draft });
  await call('POST', `/api/admin/flows/${flow.id}/publish`, { note: name });
  return bot.id;
}

/** A loopback API answering `GET /orders/<n>` with `{ status: 'shipped' }` after `delayMs`; counts the calls. */
export async function startSlowOrdersApi(delayMs: number) {
  const calls: string[] = [];
  // While held, answers wait for release(): a test can show the runtime answers the visitor before the API.
  let gate: Promise<void> = Promise.resolve();
  let open = () => {};
  const server = createServer((req, res) => {
    calls.push(req.url ?? '');
    void gate.then(() =>
      setTimeout(() => {
        // Open to pages too: the builder's preview calls it from the browser.
        res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
        res.end(JSON.stringify({ status: 'shipped' }));
      }, delayMs),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    hold: () => {
      gate = new Promise<void>((resolve) => {
        open = resolve;
      });
    },
    release: () => open(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
