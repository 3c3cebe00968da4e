import { FLOW_TEMPLATES, type FlowTemplate, findFlowTemplate, validateFlow } from '@flowdesk/flow-schema';
import { describe, expect, test } from 'vitest';
import { compileFlow } from './compile';
import type { AgentTurnRequest, AgentTurnResult } from './effects';
import { conversation, texts } from './testing/conversation';
import { fakeEffects } from './testing/fake-effects';

const template = (id: string): FlowTemplate => {
  const found = findFlowTemplate(id);
  if (!found) throw new Error(`No template ${id}`);
  return found;
};
const compiled = (id: string) => compileFlow(template(id).document);

/** Says the visitor's last answer, expects the conversation to end there, and gives the emails it sent. */
const emailsAtEnd = async (
  chat: ReturnType<typeof conversation>,
  effects: ReturnType<typeof fakeEffects>,
  answer: string,
) => {
  expect((await chat.say(answer)).status).toBe('ended');
  return effects.calls.emails;
};

describe('flow templates', () => {
  test('the gallery has the six templates, each with a name, description and category', () => {
    expect(FLOW_TEMPLATES.map((t) => t.id)).toEqual([
      'support_triage',
      'lead_capture',
      'faq_ai',
      'order_status',
      'appointment_request',
      'ai_agent_handoff',
    ]);
    for (const t of FLOW_TEMPLATES) {
      expect(t.name.length).toBeGreaterThan(0);
      expect(t.description.length).toBeGreaterThan(20);
      expect(t.document.id).toBe(t.id);
    }
  });

  test.each(FLOW_TEMPLATES.map((t) => [t.id, t] as const))('%s has no problems and compiles', (_id, t) => {
    expect(validateFlow(t.document)).toEqual([]);
    expect(() => compileFlow(t.document)).not.toThrow();
  });

  test('support triage: topic → details → handoff; outside office hours → email → team notified', async () => {
    const online = conversation(compiled('support_triage'), fakeEffects());
    expect(texts(await online.start())).toEqual(['Hi! Our support team is here to help.', 'What is it about?']);
    await online.click('billing', 'Billing');
    const handed = await online.say('I was charged twice');
    expect(handed).toMatchObject({ status: 'handoff', handoff: { blockId: 'handoff' } });
    expect(texts(handed)).toEqual(['Thanks! Someone from the team will reply here shortly.']);

    const effects = fakeEffects({ handoff: 'offline' });
    const closed = conversation(compiled('support_triage'), effects);
    await closed.start();
    await closed.click('bug', 'Something is broken');
    expect(texts(await closed.say('The export button does nothing'))).toEqual([
      'Our team is outside office hours right now.',
      "Leave your email and we'll answer as soon as we're back.",
    ]);
    expect(await emailsAtEnd(closed, effects, 'ada@example.com')).toEqual([
      {
        to: 'support@example.com',
        subject: 'Something is broken: follow-up requested by ada@example.com',
        body: 'A visitor asked to be contacted at ada@example.com.\nTopic: Something is broken\nDetails: The export button does nothing',
      },
    ]);
  });

  test('lead capture: interest, name, email, company → lead emailed to sales', async () => {
    const effects = fakeEffects();
    const chat = conversation(compiled('lead_capture'), effects);
    await chat.start();
    await chat.click('demo', 'Book a demo');
    expect(texts(await chat.say('Ada'))).toEqual(['Thanks Ada. What is your work email?']);
    await chat.say('ada@acme.example');
    const [lead] = await emailsAtEnd(chat, effects, 'Acme');
    expect(lead).toMatchObject({ to: 'sales@example.com', subject: 'New lead: Ada (Acme)' });
  });

  test('FAQ: the AI answers from the knowledge; an unknown question goes to a person', async () => {
    const chat = conversation(
      compiled('faq_ai'),
      fakeEffects({ knows: { return: 'Returns are free within 30 days.' } }),
    );
    await chat.start();
    const answered = await chat.say('How do returns work?');
    expect(texts(answered)).toEqual(['Returns are free within 30 days.', 'Did that answer your question?']);
    const unknown = conversation(compiled('faq_ai'), fakeEffects());
    await unknown.start();
    const handed = await unknown.say('Do you sell gift cards?');
    expect(handed).toMatchObject({ status: 'handoff', handoff: { blockId: 'handoff' } });
  });

  test('order status: the HTTP block looks the order up; a failed lookup hands off', async () => {
    const effects = fakeEffects({
      http: async () => ({ status: 200, body: { status: 'shipped', deliveryDate: 'Friday' } }),
    });
    const chat = conversation(compiled('order_status'), effects);
    await chat.start();
    const told = await chat.say('10423');
    expect(effects.calls.http[0]).toMatchObject({ method: 'GET', url: 'https://shop.example.com/api/orders/10423' });
    expect(texts(told)).toEqual([
      'Order 10423 is shipped. Expected delivery: Friday.',
      'Anything else? Just write here anytime.',
    ]);
    const failing = conversation(
      compiled('order_status'),
      fakeEffects({ http: async () => Promise.reject(new Error('timeout')) }),
    );
    await failing.start();
    const handed = await failing.say('10424');
    expect(texts(handed)[0]).toBe("I couldn't look up order 10424 right now. Let me get a person.");
    expect(handed.status).toBe('handoff');
  });

  test('appointment request: service, date and email → the team gets the request', async () => {
    const effects = fakeEffects();
    const chat = conversation(compiled('appointment_request'), effects);
    await chat.start();
    await chat.click('consultation', 'Consultation');
    await chat.say('2027-03-14');
    const [request] = await emailsAtEnd(chat, effects, 'ada@example.com');
    expect(request).toMatchObject({
      to: 'bookings@example.com',
      subject: 'Appointment request: Consultation on 2027-03-14',
    });
  });

  test('AI agent: answers, then hands off with the gathered email; offline tells where it will reply', async () => {
    const agent = async (req: AgentTurnRequest): Promise<AgentTurnResult> =>
      req.transcript.length > 1
        ? { handoff: { reason: 'Wants a person', gathered: { email: 'ada@example.com' } } }
        : { reply: 'Orders ship within 2 business days.' };
    const chat = conversation(compiled('ai_agent_handoff'), fakeEffects({ agentTurn: agent, handoff: 'offline' }));
    await chat.start();
    expect(texts(await chat.say('When will my order ship?'))).toEqual(['Orders ship within 2 business days.']);
    const offline = await chat.say('A person please');
    expect(texts(offline)).toEqual([
      'Nobody from our team is available right now.',
      "We'll reply to ada@example.com as soon as we're back.",
    ]);
    expect(offline.status).toBe('ended');
  });
});
