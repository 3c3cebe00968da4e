import { createHash } from 'node:crypto';

/**
 * Deterministic embeddings for the fake OpenAI server's POST /v1/embeddings: a hashed bag of words, normalised
 * to length 1, so texts sharing words are near (cosine = dot product) and texts sharing none are orthogonal.
 * Small "meaning" on top of words: common English words are dropped, a plural `s` is cut, and each word of a
 * CONCEPTS group is folded into one concept before hashing, so "money back" lands near "refunds" although the two
 * share no word - a question that full-text search cannot match but these vectors do, as a real model would.
 */

/** Words of one group count as the same concept (the first word names it). */
export const CONCEPTS: string[][] = [
  ['refund', 'money', 'reimburse', 'reimbursement', 'repay', 'repaid', 'payback'],
  ['ship', 'shipping', 'deliver', 'delivery', 'delivered', 'parcel', 'package', 'courier', 'arrive'],
  ['price', 'cost', 'fee', 'charge', 'expensive', 'cheap'],
  ['cancel', 'cancellation', 'terminate', 'unsubscribe'],
  ['open', 'opening', 'hour', 'schedule'],
  ['password', 'login', 'signin', 'credential'],
];

const STOP = new Set(
  'a an and are as at be by can do does for from get got how i if in is it me my of on or our so that the their this to was we what when where which who why will with you your'.split(
    ' ',
  ),
);

const conceptOf = new Map(CONCEPTS.flatMap((group) => group.map((word) => [word, group[0]!] as const)));

/** The terms a text is embedded from (exported for tests that explain why two texts are near). */
export function fakeTerms(text: string): string[] {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return words
    .filter((word) => !STOP.has(word))
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word))
    .map((word) => conceptOf.get(word) ?? word);
}

/** A unit vector of `dimensions` numbers; all zeros but the first for a text with no term (never NaN). */
export function fakeEmbedding(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const term of fakeTerms(text)) {
    const digest = createHash('sha256').update(term).digest();
    vector[digest.readUInt32LE(0) % dimensions]! += digest[4]! % 2 === 0 ? 1 : -1;
  }
  const norm = Math.hypot(...vector);
  if (norm === 0) return vector.map((_, i) => (i === 0 ? 1 : 0));
  return vector.map((value) => value / norm);
}

export type EmbeddingsRequest = {
  model: string;
  input: string | string[] | number[] | number[][];
  dimensions?: number;
  encoding_format?: 'float' | 'base64';
};

/** The body OpenAI answers an embeddings request with (base64 = little-endian float32, as the SDK asks by default). */
export function embeddingsResponse(body: EmbeddingsRequest, defaultDimensions: number) {
  const inputs = Array.isArray(body.input) && typeof body.input[0] !== 'number' ? body.input : [body.input];
  const dimensions = body.dimensions ?? defaultDimensions;
  const data = inputs.map((input, index) => {
    const text = typeof input === 'string' ? input : (input as number[]).join(' ');
    const vector = fakeEmbedding(text, dimensions);
    const embedding =
      body.encoding_format === 'base64' ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
    return { object: 'embedding', index, embedding };
  });
  const tokens = inputs.reduce<number>((sum, input) => sum + String(input).split(/\s+/).length, 0);
  return { object: 'list', data, model: body.model, usage: { prompt_tokens: tokens, total_tokens: tokens } };
}

/** How the fake answers embeddings from now on; tests change the fields directly. */
export type FakeEmbeddings = {
  /** Bodies received, in order (each one request: a batch has an array `input`). */
  requests: EmbeddingsRequest[];
  /** Answer every request with this HTTP status (an OpenAI error body) instead of vectors; null: answer. */
  fail: number | null;
  /** Awaited before answering: set it to a pending promise to hold calls, resolve it to let them through. */
  gate: Promise<void> | null;
  /** Length of the vectors when a request names no `dimensions` (text-embedding-3-small: 1536). */
  dimensions: number;
};

export function createFakeEmbeddings(): FakeEmbeddings {
  return { requests: [], fail: null, gate: null, dimensions: 1536 };
}

/** Answers one POST …/embeddings the way OpenAI does. */
export async function answerEmbeddings(
  state: FakeEmbeddings,
  raw: string,
  send: (status: number, body: unknown) => void,
): Promise<void> {
  let body: EmbeddingsRequest;
  try {
    body = JSON.parse(raw) as EmbeddingsRequest;
  } catch {
    return send(400, { error: { message: 'invalid JSON body', type: 'invalid_request_error' } });
  }
  if (body.input === undefined || body.input === '' || (Array.isArray(body.input) && body.input.length === 0))
    return send(400, { error: { message: "'input' is required", type: 'invalid_request_error' } });
  state.requests.push(body);
  if (state.gate) await state.gate;
  if (state.fail !== null)
    return send(state.fail, { error: { message: 'fake embeddings failure', type: 'server_error', code: null } });
  send(200, embeddingsResponse(body, state.dimensions));
}
