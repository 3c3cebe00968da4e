import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'builder',
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
