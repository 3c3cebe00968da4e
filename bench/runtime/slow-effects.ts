/**
 * Slow flow calls under a burst: every visitor's message runs an HTTP block whose API answers after 1 s, or an
 * AI answer streamed by a (loopback, fake) model over ≈ 1 s; all visitors write at once, each with its widget
 * socket open. Measured on PGlite and PostgreSQL: when each answer reaches its socket, the POST's answer time,
 * /readyz every 50 ms during the burst, and for AI the first token at the widget (socket receipt − the fake
 * model's write of the first chunk). The runtime before the change (commit 231323c: the call ran inside the
 * conversation's transaction) runs in the same session from a temporary git worktree, at 40 conversations,
 * next to the current code at 40; the 200-conversation figures are the current code's.
 * Writes bench/results/runtime-slow-effects.md.
 *   npx tsx bench/runtime/slow-effects.ts
 *   npx tsx bench/runtime/slow-effects.ts --head   (the current code from a clean worktree of HEAD, not this
 *     working tree: measures what is committed while others have edits in progress)
 *   npx tsx bench/runtime/slow-effects.ts --no-baseline   (the current code only: A/B runs)
 *   npx tsx bench/runtime/slow-effects.ts --profile=http|ai   (current code only, one 200 burst per database
 *     under the V8 profiler; prints the figures and the profile, writes no result)
 * SLOW_EFFECTS_DATABASES (default pglite,postgres) picks the databases;
 * SLOW_EFFECTS_CONVERSATIONS (default 200) and SLOW_EFFECTS_BASELINE_CONVERSATIONS (default 40) set the sizes;
 * SLOW_EFFECTS_RAW=<file> also writes every measured sample there (JSON), for a closer look.
 */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RuntimeProcess, spawnRuntime } from '../../apps/runtime/test/reliability/harness/runtime-process';
import { summarizeProfile } from './lib/cpu-profile';
import { createEffectStore, type EffectStore, type StoreKind } from './lib/effect-store';
import { type Checkout, checkoutCommit } from './lib/git-checkout';
import { table } from './lib/report';
import { startSlowApi, startStreamingModel } from './lib/slow-upstreams';
import { round } from './lib/stats';
import { aiFlow, httpFlow } from './slow-effects/flows';
import { dbName, measure, type Phase, type Scenario, warmUp } from './slow-effects/phase';
import { report } from './slow-effects/report';
import {
  BASELINE_COMMIT,
  BASELINE_CONVERSATIONS,
  CONVERSATIONS,
  profileScenario,
  skipBaseline,
  UPSTREAM_MS,
  useHead,
} from './slow-effects/settings';

// ---- run ----------------------------------------------------------------------------------------------

const cleanups: Array<() => Promise<unknown>> = [];
const cleanUp = async () => {
  for (const step of cleanups.splice(0).reverse()) await step().catch((error) => console.error('cleanup:', error));
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`${signal}: cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  });
}

const loadBefore = loadavg().map((value) => value.toFixed(1));
let head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
const dirty = useHead
  ? ''
  : execFileSync('git', ['status', '--porcelain', '--', 'apps/runtime/src', 'packages'], { encoding: 'utf8' }).trim();
const phases: Phase[] = [];
const profiles: string[] = [];
let exitCode = 0;
try {
  const api = await startSlowApi(UPSTREAM_MS);
  cleanups.push(() => api.close());
  const model = await startStreamingModel();
  cleanups.push(() => model.close());
  let baseline: Checkout | undefined;
  if (!profileScenario && !skipBaseline) {
    console.log(`checking out ${BASELINE_COMMIT} in a temporary worktree and installing it`);
    baseline = await checkoutCommit(BASELINE_COMMIT);
    cleanups.push(() => baseline!.remove());
  }
  let committed: Checkout | undefined;
  if (useHead) {
    console.log('checking out HEAD in a temporary worktree and installing it');
    committed = await checkoutCommit('HEAD');
    cleanups.push(() => committed!.remove());
    head = committed.commit.slice(0, 7);
  }
  const flows = { http: httpFlow(api.url), ai: aiFlow() };
  const env = {
    // The probes port (the old code ignores it).
    HEALTH_PORT: '0',
    HTTP_BLOCK_ALLOW_PRIVATE: 'true',
    HTTP_BLOCK_TIMEOUT_MS: '10000',
    OPENAI_API_KEY: 'sk-bench',
    OPENAI_BASE_URL: model.baseUrl,
  };

  const kinds = (process.env.SLOW_EFFECTS_DATABASES ?? 'pglite,postgres').split(',') as StoreKind[];
  for (const kind of kinds) {
    if (baseline) {
      const store = await createEffectStore(kind, flows, join(baseline.root, 'apps/runtime/src/db/migrations'));
      await withRuntime(store, { root: baseline.root, env }, async (runtime) => {
        await warmUp(runtime, store, ['http']);
        phases.push(await measure('baseline', runtime, store, 'http', BASELINE_CONVERSATIONS, api, model));
      });
    }
    const store = await createEffectStore(
      kind,
      flows,
      committed ? join(committed.root, 'apps/runtime/src/db/migrations') : undefined,
    );
    const profileFile = profileScenario
      ? join(tmpdir(), `flowdesk-slow-effects-${process.pid}-${kind}.cpuprofile`)
      : undefined;
    await withRuntime(store, { env, profileFile, root: committed?.root }, async (runtime) => {
      await warmUp(runtime, store, ['http', 'ai']);
      if (!profileScenario) {
        phases.push(await measure('current', runtime, store, 'http', BASELINE_CONVERSATIONS, api, model));
        phases.push(await measure('current', runtime, store, 'http', CONVERSATIONS, api, model));
        phases.push(await measure('current', runtime, store, 'ai', CONVERSATIONS, api, model));
        return;
      }
      phases.push(
        await measure('current', runtime, store, profileScenario as Scenario, CONVERSATIONS, api, model, () =>
          runtime.startProfile(),
        ),
      );
    });
    if (profileFile) {
      const summary = summarizeProfile(profileFile, 25);
      if (process.env.SLOW_EFFECTS_KEEP_PROFILE) console.log(`profile kept: ${profileFile}`);
      else rmSync(profileFile, { force: true });
      profiles.push(
        [
          `### CPU profile, ${dbName(kind)}, ${profileScenario} burst of ${CONVERSATIONS} (${round(summary.totalMs)} ms sampled)`,
          table(
            ['Self ms', 'Share', 'Function'],
            summary.functions.map((entry) => [round(entry.selfMs), `${round(entry.share * 100)} %`, entry.name]),
          ),
          table(
            ['Self ms', 'Share', 'Where'],
            summary.places.map((entry) => [round(entry.selfMs), `${round(entry.share * 100)} %`, entry.name]),
          ),
        ].join('\n\n'),
      );
    }
  }
  await cleanUp();
  if (process.env.SLOW_EFFECTS_RAW) writeFileSync(process.env.SLOW_EFFECTS_RAW, JSON.stringify(phases));
  report({ phases, profiles, head, dirty, loadBefore });
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);

async function withRuntime(
  store: EffectStore,
  options: { root?: string; env: Record<string, string>; profileFile?: string },
  work: (runtime: RuntimeProcess) => Promise<void>,
) {
  let runtime: RuntimeProcess | undefined;
  const stop = async () => {
    if (runtime) await Promise.race([runtime.stop(), new Promise((resolve) => setTimeout(resolve, 15_000))]);
    if (runtime && runtime.child.exitCode === null && runtime.child.signalCode === null) await runtime.kill9();
    runtime = undefined;
    await store.dispose();
  };
  cleanups.push(stop);
  runtime = await spawnRuntime({
    ...(options.root ? { root: options.root } : {}),
    ...(store.spawn.databaseUrl ? { databaseUrl: store.spawn.databaseUrl } : {}),
    ...(options.profileFile ? { profileFile: options.profileFile } : {}),
    env: { ...options.env, ...store.spawn.env },
    startTimeoutMs: 60_000,
  });
  try {
    await work(runtime);
  } finally {
    cleanups.splice(cleanups.indexOf(stop), 1);
    await stop();
  }
}
