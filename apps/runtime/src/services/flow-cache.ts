import { type CompiledFlow, compileFlow } from '@flowdesk/engine';
import type { FlowVersion } from '../db/schema';

const LIMIT = 200;

/** Compiled machines by flow version id. Versions are immutable, so entries never go stale. */
export class FlowCache {
  private readonly compiled = new Map<string, CompiledFlow>();

  get(version: Pick<FlowVersion, 'id' | 'document'>): CompiledFlow {
    const hit = this.compiled.get(version.id);
    if (hit) {
      // Re-insert to keep the most recently used at the end.
      this.compiled.delete(version.id);
      this.compiled.set(version.id, hit);
      return hit;
    }
    const compiled = compileFlow(version.document);
    this.compiled.set(version.id, compiled);
    if (this.compiled.size > LIMIT) this.compiled.delete(this.compiled.keys().next().value as string);
    return compiled;
  }
}
