import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Projects run one after another (a worker keeps one project's module graph) and overlap only where one ends:
// the pure packages' quick files last, so the run does not end on one worker finishing a long browser test.
const PROJECT_ORDER = ['widget', 'runtime', 'builder', 'engine', 'flow-schema', 'contract'];

/**
 * Orders each project's files longest first, so two workers finish together instead of one running a long
 * file alone at the end. Durations come from Vitest's cache of the last run; on a fresh clone (no cache)
 * browser and server suites go before unit tests, the fuzz shards before all.
 */
export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cost = new Map(files.map((file) => [file, this.expectedCost(file)]));
    const rank = (file: TestSpecification) => {
      const index = PROJECT_ORDER.indexOf(file.project.name);
      return index === -1 ? PROJECT_ORDER.length : index;
    };
    return [...files].sort((a, b) => rank(a) - rank(b) || cost.get(b)! - cost.get(a)!);
  }

  private expectedCost(file: TestSpecification): number {
    const key = `${file.project.name}:${relative(this.ctx.config.root, file.moduleId)}`;
    const last = this.ctx.cache.getFileTestResults(key);
    if (last) return last.duration;
    const path = file.moduleId;
    const kind = path.includes('/fuzz/routes-') ? 3 : /\/(e2e|test)\//.test(path) ? 2 : 1;
    return kind * 1e9 + statSync(path).size;
  }
}
