import { loadavg } from 'node:os';
import { machineLine, table, verdict, writeResult } from '../lib/report';
import { percentile, round } from '../lib/stats';
import { type Find, whatThisShows } from './findings';
import { dbName, figures, ms, type Phase, pair, type Scenario, triple } from './phase';
import {
  BASELINE_COMMIT,
  BASELINE_CONVERSATIONS,
  CONVERSATIONS,
  GOAL_FIRST_TOKEN_P99_MS,
  GOAL_LAST_S,
  GOAL_READY_P99_MS,
  profileScenario,
  UPSTREAM_MS,
  useHead,
} from './settings';

/** What a run measured and where: the report's input. */
export interface RunRecord {
  phases: Phase[];
  profiles: string[];
  head: string;
  dirty: string;
  loadBefore: string[];
}

/** The header of a current-code table, in the order `rows` in `report` fills each row. */
const currentColumns = (scenario: Scenario) => [
  'Database',
  'Last answer s',
  'Answer p50 / p99 ms',
  'POST→201 p50 / p99 ms',
  ...(scenario === 'http'
    ? ['API called p50 / last ms', 'API called after the 201 p50 / p99 ms', 'Answer after API reply p50 / p99 ms']
    : [
        'Model called p50 / last ms',
        'Model called after the 201 p50 / p99 ms',
        'Answer after last chunk p50 / p99 ms',
        'First token p50 / p99 / max ms',
        'Stream frames per answer',
      ]),
  '/readyz (probes port) p50 / p99 / max ms',
  '/readyz non-200 / probes',
  '/healthz (probes port) p50 / p99 ms',
  '/readyz (main port) p50 / p99 / max ms',
  'Lost / POST failed / wrong',
  'Runtime CPU ms / conversation',
];

/** Writes bench/results/runtime-slow-effects.md (or prints it, when profiling). */
export function report({ phases, profiles, head, dirty, loadBefore }: RunRecord) {
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
          `(goal ≤ ${GOAL_LAST_S} s, ideal ≈ ${UPSTREAM_MS / 1000} s): ${verdict(lastOk)}; /readyz on the probes port p99 ${ms(f.readyP99)} ms, ` +
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
      row.push(f.readyTriple, f.readyShown, f.health, f.mainReadyTriple, f.faults, f.cpuPerConversation);
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
    'last answer (a probe does not wait for the previous one), each on a new connection as load balancers do; the',
    'current code is probed on its probes port (HEALTH_PORT, what a load balancer should be pointed at) and /readyz',
    'on its main port too (the before/after table: the main port only, the old code has no probes port);',
    '"called after the 201" = the call reaching the API /',
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
    table(currentColumns('http'), httpRows),
    '',
    `## Current code: ${CONVERSATIONS} conversations at once, AI answer streamed (≈ 1 s per answer)`,
    '',
    "First token = the socket receiving the conversation's first `stream` frame − the fake model writing the first",
    "chunk of that conversation's request (matched by the visitor's question); both epoch ms on this machine.",
    '',
    table(currentColumns('ai'), aiRows),
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
    whatThisShows(find, phases),
    '',
    ...profiles,
  ];
  const markdown = lines.join('\n');
  if (profileScenario) console.log(markdown);
  else writeResult('runtime-slow-effects', markdown);
}
