import type { FakeOpenAiServer } from '../../../apps/runtime/test/fakes/openai-server';
import type { RuntimeProcess } from '../../../apps/runtime/test/reliability/harness/runtime-process';
import { type BurstResult, runBurst } from '../lib/effect-burst';
import type { EffectStore, StoreKind } from '../lib/effect-store';
import { questionOf, type SlowApi } from '../lib/slow-upstreams';
import { percentile, round } from '../lib/stats';
import { UPSTREAM_MS, WARM_UP } from './settings';

/** One measured burst and what it shows; figures() reduces it to the report's numbers. */
export type Scenario = 'http' | 'ai';
export type Code = 'baseline' | 'current';

export interface Phase {
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

export const defined = <T>(value: T | undefined): value is T => value !== undefined;
export const ms = (value: number) => (Number.isFinite(value) ? String(Math.round(value)) : '—');
export const pair = (samples: number[]) => `${ms(percentile(samples, 50))} / ${ms(percentile(samples, 99))}`;
export const triple = (samples: number[]) =>
  `${ms(percentile(samples, 50))} / ${ms(percentile(samples, 99))} / ${ms(samples.length ? Math.max(...samples) : Number.NaN)}`;
export const dbName = (kind: StoreKind) => (kind === 'pglite' ? 'PGlite' : 'PostgreSQL (pool 10)');

export function figures(phase: Phase) {
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
    mainReadyTriple: triple(result.mainReadyz.map((probe) => probe.ms)),
    notOk: notOk.length,
    status503: notOk.filter((probe) => probe.status === 503).length,
    readyShown: `${notOk.length} / ${result.readyz.length}`,
    health: pair(result.healthz.map((probe) => probe.ms)),
    called: `${ms(percentile(phase.calledAt, 50))} / ${ms(phase.calledAt.length ? Math.max(...phase.calledAt) : Number.NaN)}`,
    faults: `${lost} / ${result.failedPosts} / ${result.wrong + errorPath}`,
    cpuPerConversation: round(result.runtimeCpuMs / result.count, 1),
  };
}

export async function warmUp(runtime: RuntimeProcess, store: EffectStore, scenarios: Scenario[]) {
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

export function answerTest(scenario: Scenario) {
  return scenario === 'http' ? (text: string) => text.startsWith('done ') || text.startsWith('failed ') : () => true;
}

export async function measure(
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
    ...(runtime.healthUrl ? { healthUrl: runtime.healthUrl } : {}),
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
