/** TF-IDF vectors over term lists and cosine similarity between them. */

export type Vector = Map<string, number>;

export class TfIdf {
  private readonly idf = new Map<string, number>();
  private readonly docCount: number;

  constructor(documents: string[][]) {
    this.docCount = documents.length;
    const df = new Map<string, number>();
    for (const doc of documents) for (const term of new Set(doc)) df.set(term, (df.get(term) ?? 0) + 1);
    for (const [term, count] of df) this.idf.set(term, Math.log((1 + this.docCount) / (1 + count)) + 1);
  }

  /** Whether any document contains the term. */
  knows(term: string): boolean {
    return this.idf.has(term);
  }

  /** Weight of a term; unseen terms get the highest weight (as rare as can be). */
  weight(term: string): number {
    return this.idf.get(term) ?? Math.log(1 + this.docCount) + 1;
  }

  vector(doc: string[]): Vector {
    const tf = new Map<string, number>();
    for (const term of doc) tf.set(term, (tf.get(term) ?? 0) + 1);
    const vec: Vector = new Map();
    for (const [term, count] of tf) vec.set(term, (1 + Math.log(count)) * this.weight(term));
    return vec;
  }
}

export function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [term, w] of a) {
    na += w * w;
    const other = b.get(term);
    if (other !== undefined) dot += w * other;
  }
  for (const w of b.values()) nb += w * w;
  if (na === 0 || nb === 0) return 0;
  return dot / Math.sqrt(na * nb);
}
