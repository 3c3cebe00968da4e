import type { Message } from '@flowdesk/contract';
import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '../repositories/messages';
import { SeqStream } from './seq-stream';

const stored = (seq: number, internal = false): StoredMessage => ({
  message: {
    id: `m${seq}`,
    conversationId: 'c',
    seq,
    author: 'bot',
    authorName: null,
    clientId: null,
    content: { type: 'text', text: `#${seq}` },
    createdAt: new Date(0).toISOString(),
  } satisfies Message,
  internal,
});

function setup(afterSeq: number, database: StoredMessage[]) {
  const delivered: number[] = [];
  const loads: Array<[number, number]> = [];
  const stream = new SeqStream(
    afterSeq,
    async (after, limit) => {
      loads.push([after, limit]);
      return database.filter((entry) => entry.message.seq > after).slice(0, limit);
    },
    (entry) => delivered.push(entry.message.seq),
    (error) => {
      throw error;
    },
  );
  return { stream, delivered, loads };
}

describe('SeqStream', () => {
  it('replays what was missed, then live messages, without duplicates', async () => {
    const database = [1, 2, 3, 4].map((seq) => stored(seq));
    const { stream, delivered } = setup(1, database);
    stream.replay();
    stream.push(stored(3));
    stream.push(stored(4));
    database.push(stored(5));
    stream.push(stored(5));
    await stream.settled();
    expect(delivered).toEqual([2, 3, 4, 5]);
  });

  it('fills a gap from the database when a later message arrives first', async () => {
    const database = [1, 2, 3].map((seq) => stored(seq));
    const { stream, delivered, loads } = setup(1, database);
    stream.push(stored(3));
    stream.push(stored(2));
    await stream.settled();
    expect(delivered).toEqual([2, 3]);
    expect(loads).toEqual([[1, 500]]);
  });

  it('advances over messages it delivers in any form, so the subscriber filter never stalls it', async () => {
    const database = [stored(1), stored(2, true), stored(3)];
    const { stream, delivered } = setup(0, database);
    stream.replay();
    await stream.settled();
    expect(delivered).toEqual([1, 2, 3]);
    expect(stream.lastSeq).toBe(3);
  });

  it('pages through long histories', async () => {
    const database = Array.from({ length: 1203 }, (_, index) => stored(index + 1));
    const { stream, delivered, loads } = setup(0, database);
    stream.replay();
    await stream.settled();
    expect(delivered).toHaveLength(1203);
    expect(loads.map(([after]) => after)).toEqual([0, 500, 1000]);
  });

  it('delivers nothing after close', async () => {
    const { stream, delivered } = setup(0, [stored(1)]);
    stream.close();
    stream.replay();
    stream.push(stored(1));
    await stream.settled();
    expect(delivered).toEqual([]);
  });
});
