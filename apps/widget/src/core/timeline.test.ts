import type { Message, MessageContent } from '@flowdesk/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Timeline } from './timeline';

function msg(seq: number, content: MessageContent = { type: 'text', text: `m${seq}` }, clientId: string | null = null) {
  return {
    id: `id-${seq}`,
    conversationId: 'c1',
    seq,
    author: clientId ? 'visitor' : 'bot',
    authorName: null,
    clientId,
    content,
    createdAt: new Date(1_700_000_000_000 + seq * 1000).toISOString(),
  } satisfies Message;
}

describe('Timeline', () => {
  it('orders by seq whatever the arrival order and reports only new messages', () => {
    const t = new Timeline();
    expect(t.add([msg(3), msg(1)]).map((m) => m.seq)).toEqual([1, 3]);
    expect(t.add([msg(2), msg(3)]).map((m) => m.seq)).toEqual([2]);
    expect(t.messages().map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(t.lastSeq).toBe(3);
  });

  it("continues catch-up after what complete sources delivered, not after a send's answer that skipped a reply", () => {
    const t = new Timeline();
    t.add([msg(1), msg(2)], true);
    // The agent wrote seq 3 while the visitor's message was queued; its answer (seq 4) arrives first.
    t.add([msg(4, { type: 'text', text: 'typed offline' }, 'c-1')]);
    expect(t.lastSeq).toBe(4);
    expect(t.syncedSeq).toBe(2);
    // Catch-up from seq 2 brings the agent's reply and the visitor's message again (kept once).
    expect(t.add([msg(3), msg(4, { type: 'text', text: 'typed offline' }, 'c-1')], true).map((m) => m.seq)).toEqual([
      3,
    ]);
    expect(t.syncedSeq).toBe(4);
    t.clear();
    expect(t.syncedSeq).toBe(0);
  });

  it('drops duplicates by id and by seq (HTTP reply and WebSocket push of the same message)', () => {
    const t = new Timeline();
    t.add([msg(1)]);
    expect(t.add([{ ...msg(1), id: 'other-id' }])).toEqual([]);
    expect(t.add([{ ...msg(5), id: 'id-1' }])).toEqual([]);
    expect(t.size).toBe(1);
  });

  it('never keeps internal notes', () => {
    const t = new Timeline();
    expect(t.add([msg(1, { type: 'note', text: 'secret', mentions: [] })])).toEqual([]);
    expect(t.entries()).toEqual([]);
  });

  it('replaces a pending visitor message when the runtime confirms its clientId', () => {
    const t = new Timeline();
    t.add([msg(1)]);
    t.addPending({ clientId: 'c-a', content: { type: 'text', text: 'hi' }, createdAt: '2026-01-01T00:00:00Z' });
    expect(t.entries().map((e) => e.key)).toEqual(['id-1', 'pending:c-a']);
    t.add([msg(2, { type: 'text', text: 'hi' }, 'c-a')]);
    expect(t.entries().map((e) => e.key)).toEqual(['id-1', 'id-2']);
    t.addPending({ clientId: 'c-a', content: { type: 'text', text: 'hi' }, createdAt: '2026-01-01T00:00:00Z' });
    expect(t.size).toBe(2);
  });

  it('keeps pending messages after confirmed ones, in typing order, and marks failures', () => {
    const t = new Timeline();
    t.addPending({ clientId: 'a', content: { type: 'text', text: '1' }, createdAt: '' });
    t.addPending({ clientId: 'b', content: { type: 'text', text: '2' }, createdAt: '' });
    t.add([msg(4)]);
    t.markFailed('b');
    const entries = t.entries();
    expect(entries.map((e) => e.key)).toEqual(['id-4', 'pending:a', 'pending:b']);
    expect(entries[2]).toMatchObject({ kind: 'pending', pending: { failed: true } });
  });

  it('any interleaving of overlapping deliveries gives each seq exactly once, sorted', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 15 }), { maxLength: 8 }),
        (batches) => {
          const t = new Timeline();
          let reported = 0;
          for (const batch of batches) reported += t.add(batch.map((s) => msg(s))).length;
          const expected = [...new Set(batches.flat())].sort((a, b) => a - b);
          expect(t.messages().map((m) => m.seq)).toEqual(expected);
          expect(reported).toBe(expected.length);
        },
      ),
    );
  });
});
