import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'flow-schema', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], isolate: false },
});
