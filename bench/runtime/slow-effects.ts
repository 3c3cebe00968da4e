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
import type { FakeOpenAiServer } from '../../apps/runtime/test/fakes/openai-server';
import { type RuntimeProcess, spawnRuntime } from '../../apps/runtime/test/reliability/harness/runtime-process';
import type { FlowDocumentInput } from '../../packages/flow-schema/src';
import { summarizeProfile } from './lib/cpu-profile';
import { type BurstResult, runBurst } from './lib/effect-burst';
import { createEffectStore, type EffectStore, type StoreKind } from './lib/effect-store';
import { type Checkout, checkoutCommit } from './lib/git-checkout';
import { machineLine, table, writeResult } from './lib/report';
import { questionOf, type SlowApi, startSlowApi, startStreamingModel } from './lib/slow-upstreams';
import { percentile, round } from './lib/stats';

const BASELINE_COMMIT = '231323c';
const CONVERSATIONS = Number(process.env.SLOW_EFFECTS_CONVERSATIONS ?? 200);
const BASELINE_CONVERSATIONS = Number(process.env.SLOW_EFFECTS_BASELINE_CONVERSATIONS ?? 40);
const UPSTREAM_MS = 1000;
const WARM_UP = 5;
const GOAL_LAST_S = 1.5;
const GOAL_READY_P99_MS = 50;
const GOAL_FIRST_TOKEN_P99_MS = 100;
/** Run the current code from a clean worktree of HEAD instead of this working tree (others' uncommitted edits). */
const useHead = process.argv.includes('--head');
const profileArg = process.argv.find((arg) => arg.startsWith('--profile'));
const profileScenario = profileArg ? (profileArg.split('=')[1] ?? 'http') : undefined;
if (profileScenario && profileScenario !== 'http' && profileScenario !== 'ai') throw new Error('--profile=http|ai');

const at = { x: 0, y: 0 };
const say = (id: string, text: string) => ({
  id,
  type: 'message' as const,
  position: at,
  data: { content: { type: 'text' as const, text } },
});

/** start → capture q → GET <api>/x?q={{q}} (10 s) → "done {{echo}}" (error: "failed {{q}}") → capture again. */
function httpFlow(apiUrl: string): FlowDocumentInput {
  return {
    schemaVersion: 1,
    id: 'slow-http',
    name: 'Slow HTTP',
    variables: [{ name: 'q' }, { name: 'echo' }],
    blocks: [
      { id: 'start', type: 'start', position: at, data: {} },
      { id: 'ask', type: 'capture', position: at, data: { prompt: 'Question?', inputType: 'text', saveAs: 'q' } },
      {
        id: 'lookup',
        type: 'http_request',
        position: at,
        data: { url: `${apiUrl}/x?q={{q}}`, timeoutMs: 10_000, responseMapping: [{ path: 'echo', variable: 'echo' }] },
      },
      say('done', 'done {{echo}}'),
      say('failed', 'failed {{q}}'),
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'ask' },
      { id: 'e2', source: 'ask', sourceHandle: 'next', target: 'lookup' },
      { id: 'e3', source: 'lookup', sourceHandle: 'success', target: 'done' },
      { id: 'e4', source: 'lookup', sourceHandle: 'error', target: 'failed' },
      { id: 'e5', source: 'done', sourceHandle: 'next', target: 'ask' },
      { id: 'e6', source: 'failed', sourceHandle: 'next', target: 'ask' },
    ],
  };
}

/** start → capture → AI answer from a knowledge text (answered / not found) → capture again. No intent triggers. */
function aiFlow(): FlowDocumentInput {
  return {
    schemaVersion: 1,
    id: 'slow-ai',
    name: 'Slow AI',
    variables: [{ name: 'question' }],
    blocks: [
      { id: 'start', type: 'start', position: at, data: {} },
      {
        id: 'ask',
        type: 'capture',
        position: at,
        data: { prompt: 'Ask me', inputType: 'text', saveAs: 'question' },
      },
      {
        id: 'answer',
        type: 'ai_answer',
        position: at,
        data: { knowledge: 'The shop opens at nine every day and closes at six.' },
      },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'ask' },
      { id: 'e2', source: 'ask', sourceHandle: 'next', target: 'answer' },
      { id: 'e3', source: 'answer', sourceHandle: 'answered', target: 'ask' },
      { id: 'e4', source: 'answer', sourceHandle: 'not_found', target: 'ask' },
    ],
  };
}

type Scenario = 'http' | 'ai';
type Code = 'baseline' | 'current';

interface Phase {
  code: Code;
  kind: StoreKind;
  scenario: Scenario;
  result: BurstResult;
  /** ms after t0 each call reached the HTTP API or the model. */
  calledAt: number[];
  /** ms from the POST's 201 to its call reaching the API / model (negative: the call came first). */
  callAfterAck: number[];
  /** ms from the API's reply (HTTP) or the model's last chunk (AI) to the answer reaching the socket. */
  afterReply: number[];
  /** AI: socket's first `stream` frame − the fake model's write of the first chunk, per conversation. */
  firstToken: number[];
  /** The same for the answers whose first chunk was written after the last POST's 201 (the burst taken in). */
  firstTokenAfterIngest: number[];
  /** Model calls the fake received during the phase that were not this phase's answers. */
  otherModelCalls: number;
  /** POST answers by HTTP status (0: failed or timed out). */
  postStatuses: Record<string, number>;
}

const defined = <T>(value: T | undefined): value is T => value !== undefined;
const ms = (value: number) => (Number.isFinite(value) ? String(Math.round(value)) : '—');
const pair = (samples: number[]) => `${ms(percentile(samples, 50))} / ${ms(percentile(samples, 99))}`;
const triple = (samples: number[]) =>
  `${ms(percentile(samples, 50))} / ${ms(percentile(samples, 99))} / ${ms(samples.length ? Math.max(...samples) : Number.NaN)}`;
const dbName = (kind: StoreKind) => (kind === 'pglite' ? 'PGlite' : 'PostgreSQL (pool 10)');
const verdict = (ok: boolean) => (ok ? '**met**' : '**not met**');

function figures(phase: Phase) {
  const { result } = phase;
  const answers = result.answerMs.filter(defined);
  const lost = result.count - answers.length;
  const errorPath = result.answerText.filter((text) => text?.startsWith('failed ')).length;
  const ready = result.readyz.map((probe) => probe.ms);
  const notOk = result.readyz.filter((probe) => probe.status !== 200);
  const last = answers.length ? Math.max(...answers) : Number.NaN;
  return {
    answers,
    lost,
    lastS: lost === 0 && answers.length > 0 ? last / 1000 : Number.POSITIVE_INFINITY,
    lastShown: answers.length === 0 ? '—' : `${(last / 1000).toFixed(2)}${lost ? ` (${lost} lost)` : ''}`,
    readyP99: percentile(ready, 99),
    readyTriple: triple(ready),
    notOk: notOk.length,
    status503: notOk.filter((probe) => probe.status === 503).length,
    readyShown: `${notOk.length} / ${result.readyz.length}`,
    health: pair(result.healthz.map((probe) => probe.ms)),
    called: `${ms(percentile(phase.calledAt, 50))} / ${ms(phase.calledAt.length ? Math.max(...phase.calledAt) : Number.NaN)}`,
    faults: `${lost} / ${result.failedPosts} / ${result.wrong + errorPath}`,
    cpuPerConversation: round(result.runtimeCpuMs / result.count, 1),
  };
}

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
  if (!profileScenario) {
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
  report();
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);

// ---- helpers ------------------------------------------------------------------------------------------

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

async function warmUp(runtime: RuntimeProcess, store: EffectStore, scenarios: Scenario[]) {
  for (const scenario of scenarios) {
    await runBurst({
      url: runtime.url,
      botId: store.bots[scenario]!,
      count: WARM_UP,
      isAnswer: answerTest(scenario),
      deadlineMs: 30_000,
      cpuMs: runtime.cpuMs,
    });
  }
}

function answerTest(scenario: Scenario) {
  return scenario === 'http' ? (text: string) => text.startsWith('done ') || text.startsWith('failed ') : () => true;
}

async function measure(
  code: Code,
  runtime: RuntimeProcess,
  store: EffectStore,
  scenario: Scenario,
  count: number,
  api: SlowApi,
  model: FakeOpenAiServer,
  onStart?: () => void,
): Promise<Phase> {
  const label = `${code} ${store.kind} ${scenario} ×${count}`;
  console.log(`=== ${label}`);
  const modelCallsBefore = model.requests.length;
  // The old runtime answers one call after another on PGlite: give it its whole queue and some.
  const deadlineMs = code === 'baseline' ? count * UPSTREAM_MS * 1.5 + 30_000 : 60_000;
  const outputBefore = runtime.output().length;
  const result = await runBurst({
    url: runtime.url,
    botId: store.bots[scenario]!,
    count,
    isAnswer: answerTest(scenario),
    deadlineMs,
    cpuMs: runtime.cpuMs,
    ...(onStart ? { onStart } : {}),
  });
  const index = new Map(result.questions.map((question, i) => [question, i]));
  const calledAt: number[] = [];
  const callAfterAck: number[] = [];
  const afterReply: number[] = [];
  const firstToken: number[] = [];
  const firstTokenAfterIngest: number[] = [];
  let otherModelCalls = 0;
  const ingested = Math.max(...result.ackAt.filter(defined));
  const sinceT0 = (epochMs: number) => epochMs - result.t0Epoch;
  if (scenario === 'http') {
    result.questions.forEach((question, i) => {
      const arrived = api.arrivals.get(question);
      const replied = api.replies.get(question);
      const answered = result.answerMs[i];
      const acked = result.ackAt[i];
      if (arrived !== undefined) calledAt.push(sinceT0(arrived));
      if (arrived !== undefined && acked !== undefined) callAfterAck.push(sinceT0(arrived) - acked);
      if (replied !== undefined && answered !== undefined) afterReply.push(answered - sinceT0(replied));
    });
  }
  for (const call of model.requests.slice(modelCallsBefore)) {
    const i = index.get(questionOf(call.body) ?? '');
    if (scenario !== 'ai' || i === undefined) {
      otherModelCalls++;
      continue;
    }
    const called = sinceT0(performance.timeOrigin + call.receivedAt);
    calledAt.push(called);
    const acked = result.ackAt[i];
    if (acked !== undefined) callAfterAck.push(called - acked);
    const first = call.chunks[0]?.epochMs;
    const last = call.chunks.at(-1)?.epochMs;
    const seen = result.firstStreamEpoch[i];
    const answered = result.answerMs[i];
    if (first !== undefined && seen !== undefined) {
      firstToken.push(seen - first);
      if (sinceT0(first) > ingested) firstTokenAfterIngest.push(seen - first);
    }
    if (last !== undefined && answered !== undefined) afterReply.push(answered - sinceT0(last));
  }
  const logged = runtime.output().slice(outputBefore).trim();
  if (logged) console.log(`runtime said during ${label}:\n${logged.slice(-3000)}`);
  const phase: Phase = {
    code,
    kind: store.kind,
    scenario,
    result,
    calledAt,
    callAfterAck,
    afterReply,
    firstToken,
    firstTokenAfterIngest,
    otherModelCalls,
    postStatuses: result.postStatuses,
  };
  const f = figures(phase);
  console.log(
    `${label}: last answer ${f.lastShown} s, answer p50/p99 ${pair(f.answers)} ms, POST p50/p99 ${pair(result.acks)} ms, ` +
      `called p50/max ${f.called} ms, call after 201 p50/p99 ${pair(callAfterAck)} ms, after reply p50/p99 ${pair(afterReply)} ms, readyz p50/p99/max ${f.readyTriple} ms, healthz p50/p99 ${f.health} ms, ` +
      `non-200 ${f.readyShown}, ${scenario === 'ai' ? `first token p50/p99/max ${triple(firstToken)} ms (after the burst was in: ${triple(firstTokenAfterIngest)}, n=${firstTokenAfterIngest.length}), ` : ''}` +
      `lost/failed/wrong ${f.faults}, runtime CPU ${f.cpuPerConversation} ms/conversation, ` +
      `bench loop delay max ${round(result.benchLoopDelay.max)} ms, other model calls ${otherModelCalls}, ` +
      `POST statuses ${JSON.stringify(result.postStatuses)}`,
  );
  return phase;
}

type Find = (code: Code, kind: StoreKind, scenario: Scenario, count: number) => Phase | undefined;

function report() {
  const find: Find = (code, kind, scenario, count) =>
    phases.find((p) => p.code === code && p.kind === kind && p.scenario === scenario && p.result.count === count);
  const loadAfter = loadavg().map((value) => value.toFixed(1));
  const goals: string[] = [];
  const loopDelays: string[] = [];
  const current = (scenario: Scenario) =>
    (['pglite', 'postgres'] as const)
      .map((kind) => find('current', kind, scenario, CONVERSATIONS))
      .filter((phase): phase is Phase => phase !== undefined);

  const comparison = (['pglite', 'postgres'] as const).flatMap((kind) =>
    (['baseline', 'current'] as const).flatMap((code) => {
      const phase = find(code, kind, 'http', BASELINE_CONVERSATIONS);
      if (!phase) return [];
      const f = figures(phase);
      return [
        [
          code === 'baseline' ? `before (${BASELINE_COMMIT})` : `after (${head})`,
          dbName(kind),
          f.lastShown,
          pair(f.answers),
          pair(phase.result.acks),
          f.called,
          f.readyTriple,
          f.readyShown,
          f.health,
          f.faults,
        ],
      ];
    }),
  );

  const rows = (scenario: Scenario) =>
    current(scenario).map((phase) => {
      const f = figures(phase);
      const name = dbName(phase.kind);
      const lastOk = f.lastS <= GOAL_LAST_S;
      const readyOk = f.readyP99 <= GOAL_READY_P99_MS && f.status503 === 0;
      const tokenP99 = percentile(phase.firstToken, 99);
      const tokenOk = tokenP99 <= GOAL_FIRST_TOKEN_P99_MS && phase.firstToken.length === phase.result.count;
      goals.push(
        `- ${scenario === 'http' ? 'HTTP block' : 'AI answer'}, ${name}: last answer ${f.lastShown} s ` +
          `(goal ≤ ${GOAL_LAST_S} s, ideal ≈ ${UPSTREAM_MS / 1000} s): ${verdict(lastOk)}; /readyz p99 ${ms(f.readyP99)} ms, ` +
          `${f.status503} × 503 (goal p99 ≤ ${GOAL_READY_P99_MS} ms, never 503): ${verdict(readyOk)}` +
          (scenario === 'ai'
            ? `; first token at the widget p99 ${ms(tokenP99)} ms (goal ≤ ${GOAL_FIRST_TOKEN_P99_MS} ms): ${verdict(tokenOk)}`
            : ''),
      );
      loopDelays.push(`${scenario === 'http' ? 'HTTP' : 'AI'} on ${name} ${round(phase.result.benchLoopDelay.max)} ms`);
      const row: Array<string | number> = [
        name,
        f.lastShown,
        pair(f.answers),
        pair(phase.result.acks),
        f.called,
        pair(phase.callAfterAck),
        pair(phase.afterReply),
      ];
      if (scenario === 'ai') row.push(triple(phase.firstToken), ms(percentile(phase.result.streamFrames, 50)));
      row.push(f.readyTriple, f.readyShown, f.health, f.faults, f.cpuPerConversation);
      return row;
    });

  const httpRows = rows('http');
  const aiRows = rows('ai');
  const extra = phases.reduce((sum, phase) => sum + phase.otherModelCalls, 0);
  const lines = [
    '# Slow flow calls under a burst (HTTP block, streamed AI answer)',
    '',
    `Measured ${new Date().toISOString()} on ${machineLine()}, PostgreSQL on 127.0.0.1, by`,
    `\`bench/runtime/slow-effects.ts${useHead ? ' --head' : ''}\`. Current code ${head}${useHead ? ' (committed, from a temporary git worktree)' : dirty ? ' (plus uncommitted runtime/engine edits of the working tree)' : ''};`,
    `baseline ${BASELINE_COMMIT}, the parent of acb3548 (the flow call ran inside the conversation's transaction), run`,
    'from a temporary git worktree in the same session. Load average before / after:',
    `${loadBefore.join(' ')} / ${loadAfter.join(' ')} (other work shares this 2-core machine).`,
    '',
    'Each runtime is its own process on a fresh database (PGlite: one connection; PostgreSQL: pool of 10), warmed',
    'up with 5 conversations. Sessions are started and every widget socket is open and subscribed before the burst;',
    'at t0 every visitor POSTs one message at once. HTTP: the flow calls `GET <loopback API>/x?q={{q}}`, which',
    `answers every request after exactly ${UPSTREAM_MS} ms, then says \`done <q>\`. AI: \`OPENAI_API_KEY\` set, the`,
    'answer streamed by the loopback fake model (10 chunks, the first after 100 ms, then one every 100 ms: ≈ 1 s).',
    '"Answer" = the bot message reaching the visitor\'s socket, ms after t0; POST→201 per request; "called" = when',
    'the API / model received the call, ms after t0; "after reply" = answer at the socket − the API\'s reply (the',
    "model's last chunk); /readyz (`select 1`) and /healthz (no database) probed every 50 ms each from t0 until the",
    'last answer (a probe does not wait for the previous one); "called after the 201" = the call reaching the API /',
    "model − the POST's 201 at the visitor. Lost / POST failed / wrong = no answer within the deadline / POST not",
    "201 / an answer without the visitor's own question or from the error path. Runtime CPU = the runtime process",
    '(user + system) from t0 to the last answer, per conversation.',
    '',
    `## Before / after: ${BASELINE_CONVERSATIONS} conversations at once, HTTP block (API answers after ${UPSTREAM_MS} ms)`,
    '',
    table(
      [
        'Runtime',
        'Database',
        'Last answer s',
        'Answer p50 / p99 ms',
        'POST→201 p50 / p99 ms',
        'API called p50 / last ms',
        '/readyz p50 / p99 / max ms',
        '/readyz non-200 / probes',
        '/healthz p50 / p99 ms',
        'Lost / POST failed / wrong',
      ],
      comparison,
    ),
    '',
    `## Current code: ${CONVERSATIONS} conversations at once, HTTP block`,
    '',
    table(
      [
        'Database',
        'Last answer s',
        'Answer p50 / p99 ms',
        'POST→201 p50 / p99 ms',
        'API called p50 / last ms',
        'API called after the 201 p50 / p99 ms',
        'Answer after API reply p50 / p99 ms',
        '/readyz p50 / p99 / max ms',
        '/readyz non-200 / probes',
        '/healthz p50 / p99 ms',
        'Lost / POST failed / wrong',
        'Runtime CPU ms / conversation',
      ],
      httpRows,
    ),
    '',
    `## Current code: ${CONVERSATIONS} conversations at once, AI answer streamed (≈ 1 s per answer)`,
    '',
    "First token = the socket receiving the conversation's first `stream` frame − the fake model writing the first",
    "chunk of that conversation's request (matched by the visitor's question); both epoch ms on this machine.",
    '',
    table(
      [
        'Database',
        'Last answer s',
        'Answer p50 / p99 ms',
        'POST→201 p50 / p99 ms',
        'Model called p50 / last ms',
        'Model called after the 201 p50 / p99 ms',
        'Answer after last chunk p50 / p99 ms',
        'First token p50 / p99 / max ms',
        'Stream frames per answer',
        '/readyz p50 / p99 / max ms',
        '/readyz non-200 / probes',
        '/healthz p50 / p99 ms',
        'Lost / POST failed / wrong',
        'Runtime CPU ms / conversation',
      ],
      aiRows,
    ),
    '',
    `This process's own event-loop delay (max) during the bursts, an upper bound on how late it can stamp a frame:`,
    `${loopDelays.join(', ')}.${extra > 0 ? ` Model calls other than the answers: ${extra}.` : ' No model call other than the answers.'}`,
    '',
    `## Goals (current code, ${CONVERSATIONS} conversations)`,
    '',
    ...goals,
    '',
    '## What this shows',
    '',
    whatThisShows(find),
    '',
    ...profiles,
  ];
  const markdown = lines.join('\n');
  if (profileScenario) console.log(markdown);
  else writeResult('runtime-slow-effects', markdown);
}

function whatThisShows(find: Find): string {
  const parts: string[] = [];
  const pairs = (['pglite', 'postgres'] as const).map((kind) => ({
    kind,
    before: find('baseline', kind, 'http', BASELINE_CONVERSATIONS),
    after: find('current', kind, 'http', BASELINE_CONVERSATIONS),
  }));
  const both = pairs.every((entry) => entry.before && entry.after);
  if (both) {
    const [lite, pg] = pairs.map((entry) => ({
      before: figures(entry.before!),
      after: figures(entry.after!),
      beforeAck: ms(percentile(entry.before!.result.acks, 50)),
      afterAck: ms(percentile(entry.after!.result.acks, 50)),
    })) as [Compared, Compared];
    parts.push(
      `Before the change each HTTP call held a database connection for the API's whole second. With ` +
        `${BASELINE_CONVERSATIONS} visitors at once the last answer came after ${lite.before.lastShown} s on PGlite (its one ` +
        `connection ran the calls one after another: the API received the last one ${lite.before.called.split(' / ')[1]} ms ` +
        `after t0) and ${pg.before.lastShown} s on PostgreSQL (10 at a time); the POST waited for the call ` +
        `(p50 ${lite.beforeAck} / ${pg.beforeAck} ms), and /readyz, which needs a connection too, failed ` +
        `${lite.before.notOk} of ${lite.before.readyShown.split(' / ')[1]} probes on PGlite (p99 ${ms(lite.before.readyP99)} ms). ` +
        `The current code answers the same burst after ${lite.after.lastShown} s on PGlite and ${pg.after.lastShown} s on ` +
        `PostgreSQL; the POST returns once the message is stored (p50 ${lite.afterAck} / ${pg.afterAck} ms) and /readyz ` +
        `failed ${lite.after.notOk + pg.after.notOk} probes (p99 ${ms(lite.after.readyP99)} / ${ms(pg.after.readyP99)} ms).`,
    );
  }
  const big = (['http', 'ai'] as const).flatMap((scenario) =>
    (['pglite', 'postgres'] as const).flatMap((kind) => {
      const phase = find('current', kind, scenario, CONVERSATIONS);
      return phase ? [{ scenario, kind, phase, f: figures(phase) }] : [];
    }),
  );
  if (big.length === 0) return parts.join(' ');
  const label = (entry: (typeof big)[number]) =>
    `${entry.scenario === 'http' ? 'HTTP' : 'AI'}, ${entry.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}`;
  const list = (render: (entry: (typeof big)[number]) => string) =>
    big.map((entry) => `${render(entry)} [${label(entry)}]`).join(', ');
  const afterOwnPost = (phase: Phase) =>
    phase.result.answerMs.flatMap((answer, i) => {
      const acked = phase.result.ackAt[i];
      return answer !== undefined && acked !== undefined ? [answer - acked] : [];
    });
  const lastAck = (phase: Phase) => Math.max(...phase.result.acks);
  parts.push(
    `With ${CONVERSATIONS} at once: the last POST was answered after ` +
      `${list((e) => `${(lastAck(e.phase) / 1000).toFixed(1)} s`)}, at ${list((e) => `${e.f.cpuPerConversation} ms`)} ` +
      'of runtime CPU per conversation (a message with a call is two transactions: the message with its pending ' +
      `call, then the result). A call reached the API / model p50 ${list((e) => `${ms(percentile(e.phase.callAfterAck, 50))} ms`)} ` +
      `after its POST's 201, the answer reached the socket p50 ${list((e) => `${ms(percentile(e.phase.afterReply, 50))} ms`)} ` +
      `after the API's reply / the model's last chunk, and p50 ${list((e) => `${ms(percentile(afterOwnPost(e.phase), 50))} ms`)} ` +
      `after its own POST's 201. Answering all ${CONVERSATIONS} within ${GOAL_LAST_S} s needs the burst taken in within ` +
      `≈ ${GOAL_LAST_S - UPSTREAM_MS / 1000} s and each call started at once.`,
  );
  const held = big.filter((e) => percentile(e.phase.callAfterAck, 50) > 250);
  if (held.length) {
    const slowHealth = held.every(
      (e) =>
        percentile(
          e.phase.result.healthz.map((probe) => probe.ms),
          50,
        ) > 100,
    );
    parts.push(
      `Where a call came p50 more than 250 ms after its 201 (${held.map(label).join('; ')}), the calls left together ` +
        `late in the burst (received p50 ${held.map((e) => `${ms(percentile(e.phase.calledAt, 50))} ms`).join(' / ')} after t0, ` +
        `the last POST answered at ${held.map((e) => `${ms(lastAck(e.phase))} ms`).join(' / ')}): the runtime stored the ` +
        `messages and answered their POSTs but started their calls only at the end of the burst${
          slowHealth ? ', and it answered /healthz (no database) late as well' : ''
        }.`,
    );
  }
  const failing = phases.filter((phase) => phase.result.failedPosts > 0);
  if (failing.length) {
    parts.push(
      `Some POSTs were not answered 201 (status: count; 0 = no answer within the deadline): ${failing
        .map(
          (phase) =>
            `${JSON.stringify(phase.postStatuses)} (${phase.code}, ${phase.scenario.toUpperCase()} on ${dbName(phase.kind)}, ${phase.result.count})`,
        )
        .join('; ')}.`,
    );
  }
  const unavailable = big.reduce((sum, e) => sum + e.f.status503, 0);
  const median = (probes: BurstResult['readyz']) =>
    percentile(
      probes.map((probe) => probe.ms),
      50,
    );
  parts.push(
    `/readyz p99 ${list((e) => `${ms(e.f.readyP99)} ms`)}, ${unavailable === 0 ? 'never 503' : `${unavailable} × 503`}. ` +
      `Median /readyz against /healthz (which needs no database), probed at the same moments: ${list(
        (e) => `${ms(median(e.phase.result.readyz))} / ${ms(median(e.phase.result.healthz))} ms`,
      )}. Where /readyz is the slower one it waited for a database connection behind the burst (PostgreSQL: the pool ` +
      "of 10); where both are slow the runtime process itself was busy (PGlite runs the database in the runtime's own " +
      'thread).',
  );
  const ai = big.filter((entry) => entry.scenario === 'ai');
  if (ai.length) {
    const waits = ai.every(
      (e) =>
        e.phase.firstTokenAfterIngest.length > 0 &&
        percentile(e.phase.firstTokenAfterIngest, 99) < percentile(e.phase.firstToken, 99) / 2,
    );
    parts.push(
      `First token at the widget p99 ${ai
        .map((e) => `${ms(percentile(e.phase.firstToken, 99))} ms on ${dbName(e.kind)}`)
        .join(', ')}; for the answers whose first chunk came after the last POST's 201 (the burst taken in): ${ai
        .map(
          (e) =>
            `p99 ${ms(percentile(e.phase.firstTokenAfterIngest, 99))} ms (${e.phase.firstTokenAfterIngest.length} answers)`,
        )
        .join(', ')}${waits ? ' — the stream frames wait while the runtime takes in the burst' : ''}.`,
    );
  }
  return parts.join(' ');
}

interface Compared {
  before: ReturnType<typeof figures>;
  after: ReturnType<typeof figures>;
  beforeAck: string;
  afterAck: string;
}
