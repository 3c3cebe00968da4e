import { defineProject } from 'vitest/config';

/**
 * The builder's and the widget's test project (unit tests and Chromium e2e): the same settings, under its name.
 * Paths are the app's own (each app's vitest.config.ts calls this).
 */
export function browserProject(name: 'builder' | 'widget') {
  return defineProject({
    test: {
      name,
      include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
      globalSetup: ['e2e/global-setup.ts'],
      // Files share a worker's module graph (each file still starts its own servers, browsers and databases):
      // importing the runtime anew for every file cost more than most files' tests (see CONTRIBUTING.md).
      isolate: false,
      // expect.poll waits on a condition; its 1 s default is a time bound that a loaded 2-core machine misses.
      expect: { poll: { timeout: 15_000 } },
      testTimeout: 90_000,
      hookTimeout: 90_000,
    },
  });
}
