import type { FlowDocumentInput } from '@flowdesk/flow-schema';

// Self-contained on purpose (a type import only): build-fixture.ts copies this file into older builds, whose
// flow-schema may lack today's flow helpers (flowEdge, nextChain, buttonMenu).
const at = (x: number, y = 0) => ({ x: x * 220, y: y * 160 });
const edge = (source: string, sourceHandle: string, target: string) => ({
  id: `${source}--${sourceHandle}`,
  source,
  sourceHandle,
  target,
});
const text = (value: string) => ({ content: { type: 'text' as const, text: value } });
const askText = (prompt: string, saveAs: string) => ({ prompt, inputType: 'text' as const, saveAs });

/**
 * The flow the upgrade fixtures run (published by an older build, resumed by this one): a capture, a menu of
 * buttons, a second capture whose answer is written with the earlier variables, an email, a handoff to
 * `teamId` that comes back to the menu, and an HTTP lookup (a pending flow call in builds that defer them).
 * Only block types and fields every fixture build knows.
 */
export function upgradeFlow(teamId: string, lookupUrl: string): FlowDocumentInput {
  return {
    schemaVersion: 1,
    id: 'upgrade-shop',
    name: 'Upgrade shop',
    variables: [{ name: 'name' }, { name: 'topic' }, { name: 'order' }, { name: 'state' }],
    blocks: [
      { id: 'start', type: 'start', position: at(0), data: {} },
      { id: 'welcome', type: 'message', position: at(1), data: text('Welcome to the upgrade shop.') },
      { id: 'ask_name', type: 'capture', position: at(2), data: askText('What is your name?', 'name') },
      { id: 'greet', type: 'message', position: at(3), data: text('Nice to meet you, {{name}}.') },
      {
        id: 'menu',
        type: 'buttons',
        position: at(4),
        data: {
          text: 'What would you like, {{name}}?',
          buttons: [
            { id: 'order', label: 'An order' },
            { id: 'status', label: 'Shop status' },
            { id: 'human', label: 'A person' },
            { id: 'bye', label: 'Nothing' },
          ],
          saveAs: 'topic',
        },
      },
      {
        id: 'ask_order',
        type: 'capture',
        position: at(5, -1),
        data: askText('Which order number, {{name}}?', 'order'),
      },
      {
        id: 'noted',
        type: 'message',
        position: at(6, -1),
        data: text('Order {{order}} for {{name}} ({{topic}}) noted.'),
      },
      {
        id: 'mail',
        type: 'send_email',
        position: at(7, -1),
        data: { to: 'ops@example.com', subject: 'Order {{order}}', body: '{{name}} asked about order {{order}}.' },
      },
      {
        id: 'lookup',
        type: 'http_request',
        position: at(5, 0),
        data: { url: lookupUrl, timeoutMs: 2000, responseMapping: [{ path: 'status', variable: 'state' }] },
      },
      { id: 'status_ok', type: 'message', position: at(6, 0), data: text('The shop is {{state}}, {{name}}.') },
      { id: 'status_failed', type: 'message', position: at(6, 1), data: text('No status right now, {{name}}.') },
      {
        id: 'handoff',
        type: 'human_handoff',
        position: at(5, 2),
        data: {
          teamId,
          priority: { mode: 'fixed', value: 'medium' },
          confirmationMessage: 'A person will answer you here.',
          offlineWhen: 'outside_hours',
        },
      },
      { id: 'back', type: 'message', position: at(6, 2), data: text('Welcome back, {{name}}.') },
      { id: 'goodbye', type: 'end', position: at(8), data: { message: 'Goodbye, {{name}}!' } },
    ],
    edges: [
      edge('start', 'next', 'welcome'),
      edge('welcome', 'next', 'ask_name'),
      edge('ask_name', 'next', 'greet'),
      edge('greet', 'next', 'menu'),
      edge('menu', 'order', 'ask_order'),
      edge('menu', 'status', 'lookup'),
      edge('menu', 'human', 'handoff'),
      edge('menu', 'bye', 'goodbye'),
      edge('ask_order', 'next', 'noted'),
      edge('noted', 'next', 'mail'),
      edge('mail', 'next', 'goodbye'),
      edge('lookup', 'success', 'status_ok'),
      edge('lookup', 'error', 'status_failed'),
      edge('status_ok', 'next', 'menu'),
      edge('status_failed', 'next', 'menu'),
      edge('handoff', 'handed_off', 'back'),
      edge('handoff', 'offline', 'goodbye'),
      edge('back', 'next', 'menu'),
    ],
  };
}
