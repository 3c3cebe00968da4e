import { type CompiledFlow, compileFlow } from '@flowdesk/engine';
import type { Kysely } from 'kysely';
import type { Database, FlowVersion } from '../db/schema';
import { findVersionById } from '../flows/versions-repository';

const LIMIT = 200;

/** A small LRU map: a hit moves the entry to the end, the oldest entry leaves beyond LIMIT. */
class Lru<V> {
  private readonly entries = new Map<string, V>();

  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: V) {
    this.entries.set(key, value);
    if (this.entries.size > LIMIT) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/**
 * Published flow versions and their compiled machines by version id. Versions are immutable, so
 * entries never go stale and every instance may keep its own copy.
 */
export class FlowCache {
  private readonly compiled = new Lru<CompiledFlow>();
  private readonly versions = new Lru<FlowVersion>();

  get(version: Pick<FlowVersion, 'id' | 'document'>): CompiledFlow {
    const hit = this.compiled.get(version.id);
    if (hit) return hit;
    const compiled = compileFlow(version.document);
    this.compiled.set(version.id, compiled);
    return compiled;
  }

  /** The version row by id, read from the database once per process. */
  async version(db: Kysely<Database>, id: string): Promise<FlowVersion | undefined> {
    const hit = this.versions.get(id);
    if (hit) return hit;
    const row = await findVersionById(db, id);
    if (row) this.versions.set(id, row);
    return row;
  }
}
