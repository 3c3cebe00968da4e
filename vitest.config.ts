import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './vitest.sequencer';

export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
    // Browser and database suites start their own servers; two cores do not like more workers.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirstSequencer },
  },
});
