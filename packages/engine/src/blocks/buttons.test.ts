import { ButtonsData } from '@flowdesk/flow-schema';
import { describe, expect, test } from 'vitest';
import { compileFlow } from '../compile';
import { conversation, texts } from '../testing/conversation';
import { fakeEffects } from '../testing/fake-effects';
import { intentTrigger, msg, tinyFlow } from '../testing/tiny-flow';
import { matchButton } from './button-match';

const menu = ButtonsData.parse({
  text: 'What can I help you with?',
  buttons: [
    { id: 'pricing', label: 'Pricing' },
    { id: 'tech', label: 'Technical help' },
    { id: 'human', label: 'Talk to a human' },
  ],
});
const typed = (text: string) => matchButton(menu, { type: 'text', text });

describe('typing a button', () => {
  test('matches its label whatever the case, accents, punctuation and spaces', () => {
    expect(typed('talk to a HUMAN!')).toBe('human');
    expect(typed('  technical   help ')).toBe('tech');
    expect(typed('Prícing.')).toBe('pricing');
  });

  test('forgives small typos, more in long labels, none in short words', () => {
    expect(typed('pricng')).toBe('pricing');
    expect(typed('tecnical hlep')).toBe('tech');
    expect(typed('talk to a humna')).toBe('human');
    expect(typed('prices and plans')).toBeNull();
    const short = ButtonsData.parse({ text: '?', buttons: [{ id: 'yes', label: 'Yes' }] });
    expect(matchButton(short, { type: 'text', text: 'yet' })).toBeNull();
  });

  test('a typo as close to two buttons picks neither', () => {
    const plans = ButtonsData.parse({
      text: '?',
      buttons: [
        { id: 'a', label: 'Plan A1' },
        { id: 'b', label: 'Plan B1' },
      ],
    });
    expect(matchButton(plans, { type: 'text', text: 'plan c1' })).toBeNull();
    expect(matchButton(plans, { type: 'text', text: 'plan b1' })).toBe('b');
  });
});

describe('a button step receiving text', () => {
  const flow = (connectNoMatch: boolean) =>
    tinyFlow(
      [
        { id: 'menu', type: 'buttons', data: menu },
        msg('p', 'Pricing branch'),
        msg('t', 'Tech branch'),
        msg('h', 'Human branch'),
        msg('lost', 'No-match branch'),
        msg('agent', 'Intent branch'),
        intentTrigger('trigger', 'person', 'global'),
      ],
      [
        ['menu', 'pricing', 'p'],
        ['menu', 'tech', 't'],
        ['menu', 'human', 'h'],
        ['trigger', 'next', 'agent'],
        ...(connectNoMatch ? [['menu', 'no_match', 'lost'] as [string, string, string]] : []),
      ],
      { intents: [{ id: 'person', name: 'Person', phrases: ['real person'] }] },
    );

  test('follows the typed button, then a global intent, then the no-match path', async () => {
    const compiled = compileFlow(flow(true));
    const run = async (text: string) => {
      const chat = conversation(compiled, fakeEffects());
      await chat.start();
      return texts(await chat.say(text));
    };
    expect(await run('technical help')).toEqual(['Tech branch']);
    expect(await run('tecnical help')).toEqual(['Tech branch']);
    expect(await run('I need a real person please')).toEqual(['Intent branch']);
    expect(await run('blue bananas')).toEqual(['No-match branch']);
  });

  test('without a no-match path, it says the fallback and asks again', async () => {
    const chat = conversation(compileFlow(flow(false)), fakeEffects());
    await chat.start();
    const result = await chat.say('blue bananas');
    expect(result.status).toBe('waiting');
    expect(result.outputs).toEqual([expect.objectContaining({ type: 'choice' })]);
    expect(result.awaiting).toMatchObject({ type: 'choice', text: 'What can I help you with?' });
  });
});
