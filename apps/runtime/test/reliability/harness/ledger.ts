import type { Message } from '@flowdesk/contract';
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/db/schema';

export interface Attempt {
  conversationId: string;
  clientId: string;
  author: 'visitor' | 'agent';
  text: string;
  /** Last HTTP status seen (0: the connection failed). */
  status: number;
}

export const acknowledged = (attempt: Attempt) => attempt.status === 200 || attempt.status === 201;

export interface LedgerCheck {
  tried: number;
  acknowledged: number;
  lost: string[];
  duplicated: string[];
  /** Conversations whose seqs are not exactly 1..last_seq. */
  gaps: string[];
}

/** Compares what clients were told (acknowledged) with what the database holds, per clientId. */
export async function checkLedger(db: Kysely<Database>, attempts: Attempt[]): Promise<LedgerCheck> {
  const ids = [...new Set(attempts.map((attempt) => attempt.conversationId))];
  const rows = await db
    .selectFrom('messages')
    .select(['conversation_id', 'seq', 'client_id'])
    .where('conversation_id', 'in', ids)
    .orderBy('conversation_id')
    .orderBy('seq')
    .execute();
  const stored = new Map<string, number>();
  for (const row of rows) {
    if (row.client_id) {
      const key = `${row.conversation_id}/${row.client_id}`;
      stored.set(key, (stored.get(key) ?? 0) + 1);
    }
  }
  const gaps = ids.filter((id) => {
    const seqs = rows.filter((row) => row.conversation_id === id).map((row) => row.seq);
    return seqs.some((seq, index) => seq !== index + 1);
  });
  const keyOf = (attempt: Attempt) => `${attempt.conversationId}/${attempt.clientId}`;
  return {
    tried: attempts.length,
    acknowledged: attempts.filter(acknowledged).length,
    lost: attempts.filter((attempt) => acknowledged(attempt) && !stored.get(keyOf(attempt))).map(keyOf),
    duplicated: attempts.filter((attempt) => (stored.get(keyOf(attempt)) ?? 0) > 1).map(keyOf),
    gaps,
  };
}

/** Messages of one conversation a socket received, checked to be exactly seq 1..n with no repeats. */
export function isCompleteRun(messages: Message[]): boolean {
  return messages.every((message, index) => message.seq === index + 1);
}
