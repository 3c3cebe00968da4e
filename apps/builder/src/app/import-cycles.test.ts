import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const SRC = resolve(import.meta.dirname, '..');
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\s+from\s+)?['"](\.[^'"]+)['"]/gm;
const EAGER_GLOB = /import\.meta\.glob[^(]*\(\s*\[([^\]]*)\][^)]*eager:\s*true/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')])
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  return null;
}

/** `['../*\/routes.tsx', '!../app/routes.tsx']`: files of one `*` directory level, minus the negated ones. */
function globTargets(from: string, list: string, files: string[]): string[] {
  const patterns = [...list.matchAll(/['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
  const toRegex = (p: string) =>
    new RegExp(
      `^${resolve(dirname(from), p)
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace('*', '[^/]+')}$`,
    );
  const include = patterns.filter((p) => !p.startsWith('!')).map(toRegex);
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => toRegex(p.slice(1)));
  return files.filter((f) => include.some((r) => r.test(f)) && !exclude.some((r) => r.test(f)));
}

function importGraph(): Map<string, string[]> {
  const files = sourceFiles(SRC);
  return new Map(
    files.map((file) => {
      const code = readFileSync(file, 'utf8');
      const statics = [...code.matchAll(STATIC_IMPORT)].map((m) => resolveImport(file, m[1] ?? ''));
      const globbed = [...code.matchAll(EAGER_GLOB)].flatMap((m) => globTargets(file, m[1] ?? '', files));
      return [file, [...statics, ...globbed].filter((f): f is string => f !== null)];
    }),
  );
}

function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'visiting');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'visiting') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles.map((cycle) => cycle.map((f) => relative(SRC, f)));
}

describe('builder imports', () => {
  test('no module imports itself through others (type-only imports aside)', () => {
    expect(findCycles(importGraph())).toEqual([]);
  });
});
