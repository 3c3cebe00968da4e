import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUNTIME_MODULES } from './areas';

const SRC = import.meta.dirname;

/** The runtime's one shape: an area is a folder with a module.ts, listed once in areas.ts. */
describe('runtime areas', () => {
  it('lists every area folder that has a module.ts, under its folder name', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && readdirSync(join(SRC, entry.name)).includes('module.ts'))
      .map((entry) => entry.name)
      .sort();
    expect(RUNTIME_MODULES.map((module) => module.name).sort()).toEqual(folders);
  });

  it('mounts no area route from the core route list', () => {
    const core = readFileSync(join(SRC, 'http/routes/index.ts'), 'utf8');
    const areaImports = [...core.matchAll(/from '\.\.\/\.\.\/([\w-]+)\//g)].map((match) => match[1]);
    expect(areaImports.filter((folder) => folder !== 'services')).toEqual([]);
  });
});
