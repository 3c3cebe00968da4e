import { describe, expect, it } from 'vitest';
import {
  matchCanned,
  matchTeammates,
  mentionable,
  mentionedIds,
  mentionHandle,
  mentionToken,
  noMatchHint,
  replaceToken,
  slashToken,
  suggestionsAt,
} from './composer-commands';

const canned = [
  { shortcut: 'refund', title: 'Refund policy' },
  { shortcut: 'hello', title: 'Greeting' },
  { shortcut: 'shipping', title: 'Refund shipping costs' },
];
const people = [
  { id: 'u1', name: 'Bea Billing', email: 'bea@example.com' },
  { id: 'u2', name: 'Andy Agent', email: 'andy@example.com' },
  { id: 'u3', name: 'Bea', email: 'other@example.com' },
];

describe('slash and mention tokens', () => {
  it('finds the token that ends at the caret, only at a word start', () => {
    expect(slashToken('/ref', 4)).toEqual({ query: 'ref', start: 0, end: 4 });
    expect(slashToken('hi /he', 6)).toEqual({ query: 'he', start: 3, end: 6 });
    expect(slashToken('and/or', 6)).toBeNull();
    expect(slashToken('/ref more', 9)).toBeNull();
    expect(mentionToken('ask @be', 7)).toEqual({ query: 'be', start: 4, end: 7 });
    expect(mentionToken('mail a@b', 8)).toBeNull();
  });

  it('replaces the token and moves the caret after the insertion', () => {
    const token = slashToken('Hi /ref!', 7)!;
    expect(replaceToken('Hi /ref!', token, 'Our refund policy')).toEqual({ text: 'Hi Our refund policy!', caret: 20 });
  });
});

describe('matching', () => {
  it('orders canned responses: shortcut prefix first, then anything containing the query', () => {
    expect(matchCanned(canned, 'ref').map((c) => c.shortcut)).toEqual(['refund', 'shipping']);
    expect(matchCanned(canned, '').map((c) => c.shortcut)).toEqual(['refund', 'hello', 'shipping']);
    expect(matchCanned(canned, 'zzz')).toEqual([]);
  });

  it('says why nothing is offered instead of showing nothing (the placeholder promises "/" works)', () => {
    expect(noMatchHint({ kind: 'canned', query: '' }, 0)).toBe(
      'No canned responses yet: they are added under Settings › Canned responses.',
    );
    expect(noMatchHint({ kind: 'canned', query: 'zzz' }, canned.length)).toBe('No canned response matches “/zzz”.');
    expect(noMatchHint({ kind: 'mention', query: 'zed' }, people.length)).toBe('No teammate matches “@zed”.');
  });

  it('matches teammates by any name part or email', () => {
    expect(matchTeammates(people, 'bil').map((p) => p.id)).toEqual(['u1']);
    expect(matchTeammates(people, 'AND').map((p) => p.id)).toEqual(['u2']);
    expect(matchTeammates(people, 'other').map((p) => p.id)).toEqual(['u3']);
  });

  it('mentions are the handles still present in the text, whole words only', () => {
    expect(mentionHandle(' Bea  Billing ')).toBe('@Bea_Billing');
    expect(mentionedIds('ping @Bea_Billing and @Andy_Agent.', people)).toEqual(['u1', 'u2']);
    expect(mentionedIds('@Bea_Billing', people)).toEqual(['u1']);
    expect(mentionedIds('@Bea please', people)).toEqual(['u3']);
    expect(mentionedIds('email@Bea_Billing', people)).toEqual([]);
  });
});

describe('suggestionsAt', () => {
  const cannedTexts = canned.map((c, i) => ({ ...c, id: `c${i + 1}`, text: `${c.title}.` }));

  it('offers canned responses after /, teammates after @ in a note only', () => {
    const slash = suggestionsAt('Hi /ref', 7, 'reply', cannedTexts, people);
    expect(slash.token).toEqual({ query: 'ref', start: 3, end: 7 });
    expect(slash.items.map((item) => item.label)).toEqual(['/refund', '/shipping']);
    expect(slash.items[0]).toEqual({ id: 'c1', label: '/refund', hint: 'Refund policy', insert: 'Refund policy.' });
    expect(suggestionsAt('ask @bea', 8, 'note', cannedTexts, people).items.map((item) => item.insert)).toEqual([
      '@Bea_Billing ',
      '@Bea ',
    ]);
    expect(suggestionsAt('ask @bea', 8, 'reply', cannedTexts, people)).toEqual({ token: null, items: [], hint: null });
  });

  it('gives the hint when the command matches nothing', () => {
    expect(suggestionsAt('/zzz', 4, 'reply', cannedTexts, people).hint).toBe('No canned response matches “/zzz”.');
    expect(suggestionsAt('@zed', 4, 'note', cannedTexts, people).hint).toBe('No teammate matches “@zed”.');
  });
});

describe('mentionable', () => {
  const people = [
    { id: 'admin', role: 'admin' as const },
    { id: 'andy', role: 'agent' as const },
    { id: 'bea', role: 'agent' as const },
  ];
  const teams = [
    { id: 'support', memberIds: ['andy'] },
    { id: 'billing', memberIds: ['bea'] },
  ];
  const ids = (conversation: { assigneeId: string | null; teamId: string | null }) =>
    mentionable(people, conversation, teams).map((person) => person.id);

  it('offers only people who may see the conversation', () => {
    expect(ids({ assigneeId: null, teamId: null })).toEqual(['admin', 'andy', 'bea']);
    expect(ids({ assigneeId: null, teamId: 'support' })).toEqual(['admin', 'andy']);
    expect(ids({ assigneeId: 'bea', teamId: 'support' })).toEqual(['admin', 'andy', 'bea']);
    expect(ids({ assigneeId: 'andy', teamId: null })).toEqual(['admin', 'andy']);
  });
});
