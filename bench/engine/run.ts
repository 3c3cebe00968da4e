/**
 * Engine benchmark: compile + validate a generated 500-block flow, and transitions per second of a
 * compiled flow vs a hand-written XState machine doing the same work, in the same process.
 * Run: npx tsx bench/engine/run.ts   (writes bench/results/engine.md)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { compileFlow, type EngineEffects, step, supportBotFlow } from '../../packages/engine/src/index';
import { validateFlow } from '../../packages/flow-schema/src/index';
import { type AnyStateMachine, createActor } from './deps';
import { generateFlow } from './generate-flow';
import { handwrittenMachine } from './handwritten';
import { loopFlow, TRANSITIONS_PER_EVENT } from './loop-flow';
import { cpuMsSince, fmt, median, percentile, timeEach } from './measure';

const click = { type: 'visitor_message', content: { type: 'choice_reply', optionId: 'go', label: 'Go' } } as const;

// 1. Compile + validate a 500-block flow.
const big = generateFlow(500);
const bigProblems = validateFlow(big).filter((p) => p.severity === 'error');
if (bigProblems.length > 0) throw new Error(`generated flow is invalid: ${bigProblems[0]?.message}`);
const coldStart = performance.now();
compileFlow(big);
const cold = performance.now() - coldStart;
const compileTimes = timeEach(() => compileFlow(big), 30);
const validateTimes = timeEach(() => validateFlow(big), 30);

// 2. Transitions per second: same workload, same process, many short alternating rounds.
function clickRound(machine: AnyStateMachine, startEvent: { type: string } | null, events: number) {
  const actor = createActor(machine);
  let outputs = 0;
  actor.on('output', () => outputs++);
  actor.start();
  if (startEvent) actor.send(startEvent);
  const before = outputs;
  const [t, c] = [performance.now(), process.cpuUsage()];
  for (let i = 0; i < events; i++) actor.send(click);
  const wall = performance.now() - t;
  const cpu = cpuMsSince(c);
  if (outputs - before !== events * 2)
    throw new Error(`expected 2 outputs per event, got ${(outputs - before) / events}`);
  actor.stop();
  const transitions = events * TRANSITIONS_PER_EVENT;
  return { wallRate: transitions / (wall / 1000), cpuRate: transitions / (cpu / 1000) };
}

const compiledLoop = compileFlow(loopFlow).machine;
const EVENTS = 2_000;
const ROUNDS = 40;
const engine: Array<ReturnType<typeof clickRound>> = [];
const hand: Array<ReturnType<typeof clickRound>> = [];
for (let i = 0; i < 5; i++) {
  clickRound(compiledLoop, { type: 'start' }, EVENTS);
  clickRound(handwrittenMachine, null, EVENTS);
}
for (let round = 0; round < ROUNDS; round++) {
  // Alternate which goes first so neither always gets the warmer cache or the quieter moment.
  const pair = round % 2 === 0;
  if (pair) engine.push(clickRound(compiledLoop, { type: 'start' }, EVENTS));
  hand.push(clickRound(handwrittenMachine, null, EVENTS));
  if (!pair) engine.push(clickRound(compiledLoop, { type: 'start' }, EVENTS));
}
const engineCpuRate = median(engine.map((r) => r.cpuRate));
const handCpuRate = median(hand.map((r) => r.cpuRate));
const ratio = engineCpuRate / handCpuRate;
const wallRatio = median(engine.map((r) => r.wallRate)) / median(hand.map((r) => r.wallRate));

// 3. What the runtime pays per visitor message: full step() with the snapshot through JSON.
const noEffects: EngineEffects = {
  http: async () => ({ status: 200, body: {} }),
  answer: async () => ({ found: false, answer: '' }),
  classifyIntent: async () => ({ intentId: null, confidence: 0 }),
  handoff: async () => ({ outcome: 'offline' }),
  sendEmail: async () => {},
};
const loop = compileFlow(loopFlow);
let result = await step(loop, noEffects, { snapshot: null, event: { type: 'start' } });
const STEPS = 3000;
const stepStart = performance.now();
for (let i = 0; i < STEPS; i++) {
  const snapshot = JSON.parse(JSON.stringify(result.snapshot));
  result = await step(loop, noEffects, { snapshot, event: click });
}
const stepsPerSecond = STEPS / ((performance.now() - stepStart) / 1000);
const demo = compileFlow(supportBotFlow);
const demoCompile = timeEach(() => compileFlow(supportBotFlow), 30);

const cpu = cpus();
const load = loadavg()[0] ?? 0;
const rows = [
  [
    'Compile + validate 500-block flow, CPU time (median of 30)',
    `${fmt(median(compileTimes.cpu))} ms`,
    '≤ 50 ms',
    median(compileTimes.cpu) <= 50,
  ],
  [
    'Compile + validate 500-block flow, wall clock (median / p95)',
    `${fmt(median(compileTimes.wall))} / ${fmt(percentile(compileTimes.wall, 95))} ms`,
    '',
    null,
  ],
  ['Compile + validate 500-block flow (first, cold, wall)', `${fmt(cold)} ms`, '', null],
  ['validateFlow alone, 500 blocks, CPU (median)', `${fmt(median(validateTimes.cpu))} ms`, '', null],
  ['Compile demo support bot, CPU (median)', `${fmt(median(demoCompile.cpu), 2)} ms`, '', null],
  ['Engine transitions/s, CPU time (median of 40 rounds)', fmt(engineCpuRate, 0), '', null],
  ['Hand-written XState transitions/s, CPU time (median of 40)', fmt(handCpuRate, 0), '', null],
  ['Engine / hand-written ratio (CPU time)', fmt(ratio, 2), '≥ 0.8', ratio >= 0.8],
  ['Engine / hand-written ratio (wall clock)', fmt(wallRatio, 2), '', null],
  ['Full step() per visitor message, snapshot via JSON (wall)', `${fmt(stepsPerSecond, 0)} steps/s`, '', null],
] as const;

const table = [
  '| Measure | Result | Goal | Met |',
  '|---|---|---|---|',
  ...rows.map(([m, r, g, ok]) => `| ${m} | ${r} | ${g} | ${ok === null ? '' : ok ? 'yes' : 'NO'} |`),
].join('\n');
const machine = `Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}; load average ${fmt(load)} when the run ended (wall-clock numbers suffer when it is above the core count).`;
const doc = `## Engine (packages/engine)

${machine}
Flow: ${big.blocks?.length} blocks, ${big.edges?.length} edges (generated, see bench/engine/generate-flow.ts); demo flow ${demo.doc.blocks.length} blocks.
Transitions: each visitor click enters ${TRANSITIONS_PER_EVENT} blocks (buttons → message → set variable → condition → buttons),
${ROUNDS} rounds of ${EVENTS.toLocaleString('en-US')} clicks, compiled flow and hand-written machine alternating in the same process.

${table}
`;
console.log(doc);
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'results', 'engine.md');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, doc);
