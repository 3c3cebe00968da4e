import type { AuthorKind, Message } from '@flowdesk/contract';
import { describe, expect, it } from 'vitest';
import { BotActivity } from './bot-activity';

function msg(seq: number, author: AuthorKind = 'bot', text = `m${seq}`): Message {
  return {
    id: `id-${seq}`,
    conversationId: 'c1',
    seq,
    author,
    authorName: null,
    clientId: null,
    content: { type: 'text', text },
    createdAt: new Date(1_700_000_000_000 + seq * 1000).toISOString(),
  };
}

const event = (seq: number): Message => ({
  ...msg(seq, 'system'),
  content: { type: 'event', kind: 'assigned', text: 'Assigned' },
});

describe('BotActivity', () => {
  it('a send answered before a call: messages, then working; the stream grows and the stored answer replaces it', () => {
    const a = new BotActivity();
    // POST answer: the visitor's message and the bot's words before the call, then the state.
    a.messages([msg(4, 'visitor'), msg(5)]);
    expect(a.state(true, 5)).toBe(true);
    expect(a.working).toBe(true);
    expect(a.streamed('s1', 'Refunds', 5)).toBe(true);
    expect(a.streamed('s1', 'Refunds take', 5)).toBe(true);
    expect(a.stream).toEqual({ id: 's1', text: 'Refunds take' });
    expect(a.messages([msg(6, 'bot', 'Refunds take 5 days.')])).toBe(true);
    expect(a.stream).toBeNull();
    expect(a.working).toBe(false);
    a.state(false, 6);
    // A frame the runtime sent late (after the stored answer) does not bring the bubble back.
    expect(a.streamed('s1', 'Refunds take 5 days.', 6)).toBe(false);
    expect(a.stream).toBeNull();
  });

  it('ignores a state older than what it knows (a slow send answer after the reply came over the socket)', () => {
    const a = new BotActivity();
    a.state(true, 5);
    a.messages([msg(6)]);
    a.state(false, 6);
    expect(a.state(true, 5)).toBe(false);
    expect(a.working).toBe(false);
  });

  it('keeps working when the state for a message comes before the message (replay still catching up)', () => {
    const a = new BotActivity();
    a.state(true, 6);
    expect(a.messages([msg(6)])).toBe(false);
    expect(a.working).toBe(true);
  });

  it('a bot message before the stream, a visitor message, an event or a private note during it do not end it', () => {
    const a = new BotActivity();
    a.messages([msg(5)]);
    a.state(true, 5);
    a.streamed('s1', 'Hel', 5);
    a.messages([
      msg(5),
      msg(6, 'visitor'),
      event(7),
      { ...msg(8, 'agent'), content: { type: 'note', text: 'VIP', mentions: [] } },
    ]);
    expect(a.stream).toEqual({ id: 's1', text: 'Hel' });
    expect(a.working).toBe(true);
    a.state(true, 8);
    a.streamed('s1', 'Hello', 8);
    expect(a.stream?.text).toBe('Hello');
  });

  it('ends the stream when the bot stops working (takeover, timeout) and ignores its later frames', () => {
    const a = new BotActivity();
    a.state(true, 3);
    a.streamed('s1', 'Partial', 3);
    expect(a.state(false, 4)).toBe(true);
    expect(a.stream).toBeNull();
    expect(a.streamed('s1', 'Partial answer', 4)).toBe(false);
  });

  it('a second answer in a row streams under its own id', () => {
    const a = new BotActivity();
    a.state(true, 3);
    a.streamed('s1', 'One', 3);
    a.messages([msg(4, 'bot', 'One.')]);
    a.state(true, 4);
    expect(a.streamed('s2', 'Two', 4)).toBe(true);
    expect(a.stream).toEqual({ id: 's2', text: 'Two' });
    a.messages([msg(5, 'bot', 'Two.')]);
    expect(a.stream).toBeNull();
  });

  it('believes a stream frame while the state is unknown (an inbox opened mid-answer)', () => {
    const a = new BotActivity();
    a.messages([msg(1), msg(2, 'visitor')]);
    expect(a.working).toBe(false);
    expect(a.streamed('s1', 'Writing', 2)).toBe(true);
    expect(a.working).toBe(true);
    a.messages([msg(3)]);
    expect(a.stream).toBeNull();
  });

  it('a reloaded page mid-stream: history says working, the next frame shows the text, the stored answer once', () => {
    const a = new BotActivity();
    a.state(true, 5);
    a.messages([msg(1), msg(2, 'visitor'), msg(5)]);
    expect(a.working).toBe(true);
    a.streamed('s1', 'The whole text so far', 5);
    expect(a.stream?.text).toBe('The whole text so far');
    a.messages([msg(6, 'bot', 'The whole text so far, and the end.')]);
    expect(a.stream).toBeNull();
  });

  it('reset forgets everything (another conversation)', () => {
    const a = new BotActivity();
    a.state(false, 9);
    a.reset();
    expect(a.streamed('s1', 'New', 0)).toBe(true);
  });
});
