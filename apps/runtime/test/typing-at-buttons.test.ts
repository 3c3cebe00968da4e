import { supportBotFlow } from '@flowdesk/engine';
import type { FlowDocumentInput } from '@flowdesk/flow-schema';
import { describe, expect, it } from 'vitest';
import { databaseKinds } from './db';
import { seedWorkspace } from './fixtures/accounts';
import { publishFlow } from './fixtures/flows';
import { TestVisitor } from './fixtures/visitor';
import { texts } from './inbox/fixtures';
import { useTestServer } from './server';

/** The demo bot with an "Anything else?" menu that takes no typed answers (the demo's sends them to the FAQ). */
const strictMenu: FlowDocumentInput = {
  ...supportBotFlow,
  blocks: supportBotFlow.blocks.map((block) =>
    block.id === 'anything_else' && block.type === 'buttons'
      ? { ...block, data: { ...block.data, allowTyping: false } }
      : block,
  ),
  edges: (supportBotFlow.edges ?? []).filter((e) => !(e.source === 'anything_else' && e.sourceHandle === 'typed')),
};

/** That menu sending unmatched text to a no-match message. */
const withNoMatchPath: FlowDocumentInput = {
  ...strictMenu,
  blocks: [
    ...strictMenu.blocks,
    {
      id: 'lost',
      type: 'message',
      position: { x: 0, y: 900 },
      data: { content: { type: 'text', text: 'No-match path: let me show you the menu again.' } },
    },
  ],
  edges: [
    ...(strictMenu.edges ?? []),
    { id: 'nm1', source: 'anything_else', sourceHandle: 'no_match', target: 'lost' },
    { id: 'nm2', source: 'lost', sourceHandle: 'next', target: 'anything_else' },
  ],
};

describe.each(databaseKinds)('typing at a button step on %s', (kind) => {
  const t = useTestServer(kind);

  async function visitorAt(flow: FlowDocumentInput) {
    const { bot } = await seedWorkspace(t.current.server.db);
    await publishFlow(t.current.server.db, bot.id, flow);
    const visitor = new TestVisitor(t.current.server.url, bot.id);
    await visitor.start();
    return visitor;
  }

  it('typing a button label at the main menu hands off like the click', async () => {
    const visitor = await visitorAt(supportBotFlow);
    const typed = await visitor.say('talk to a human');
    expect(typed.conversation.status).toBe('needs_agent');
    expect(texts(typed.replies).join(' ')).toContain('Connecting you with our support team.');
  });

  it('a typed label with a typo follows that button; a global intent is reached from a menu', async () => {
    const visitor = await visitorAt(supportBotFlow);
    const pricing = await visitor.say('Pricng');
    expect(texts(pricing.replies)).toContain('Sure! What would you like to know about our plans?');
    const answered = await visitor.say('How much does the Pro plan cost per month?');
    expect(answered.conversation.awaiting).toMatchObject({ type: 'choice', text: 'Anything else I can help with?' });
    // "talk to a person" is the global intent, not a button, and comes before the menu's typed path.
    const person = await visitor.say('can I speak to someone');
    expect(person.conversation.status).toBe('needs_agent');
  });

  it('nonsense at a menu follows its no-match path, and without one asks again', async () => {
    for (const [flow, expected] of [
      [withNoMatchPath, 'No-match path: let me show you the menu again.'],
      [strictMenu, "Sorry, I didn't catch that. Please pick one of the options below."],
    ] as const) {
      const visitor = await visitorAt(flow);
      await visitor.pick('pricing', 'Pricing');
      await visitor.say('How much does the Pro plan cost per month?');
      const lost = await visitor.say('purple elephants');
      expect(texts(lost.replies)[0]).toBe(expected);
      expect(lost.conversation.status).toBe('bot');
      expect(lost.conversation.awaiting).toMatchObject({ type: 'choice', text: 'Anything else I can help with?' });
    }
  });

  it('a question typed at "Anything else?" is answered like one typed at the main menu', async () => {
    const visitor = await visitorAt(supportBotFlow);
    await visitor.say('How much does the Pro plan cost per month?');
    const next = await visitor.say('How do I reset my password?');
    expect(texts(next.replies).join(' ')).toMatch(/Forgot password/);
    expect(next.conversation.awaiting).toMatchObject({ type: 'choice', text: 'Anything else I can help with?' });
    expect(next.conversation.status).toBe('bot');
  });
});
