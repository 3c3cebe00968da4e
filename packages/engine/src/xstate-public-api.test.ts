import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

// XState marks its internals with a leading underscore (`_transitions`, `_nodes`…); they change without notice.
const PRIVATE_MEMBER = /\.\s*_[a-zA-Z]\w*/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the engine uses XState through its public API only', () => {
  test('no source file reads an underscore member', () => {
    const offenders = sources(import.meta.dirname).filter((file) => PRIVATE_MEMBER.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
