import { defineConfig } from 'vitest/config';

/**
 * The fast loop (`pnpm test:fast`): every test that needs no database, no browser and no built front end —
 * the pure packages and the apps' colocated unit tests. A colocated test that needs a database is named
 * `*.db.test.ts` and runs with its app's suite (`pnpm test:db`), like the suites under `test/` and `e2e/`.
 */
const units = (name: string, root: string) => ({
  test: {
    name,
    root,
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    exclude: ['**/node_modules/**', '**/*.db.test.ts'],
    isolate: false,
  },
});

export default defineConfig({
  test: {
    projects: [
      'packages/*',
      units('runtime', './apps/runtime'),
      units('builder', './apps/builder'),
      units('widget', './apps/widget'),
    ],
    maxWorkers: 2,
  },
});
