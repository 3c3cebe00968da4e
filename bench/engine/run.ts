/**
 * Engine benchmark: compile + validate a generated 500-block flow, and transitions per second of a
 * compiled flow vs a hand-written XState machine doing the same work, in the same process.
 * Run: npx tsx bench/engine/run.ts   (writes bench/results/engine.md)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { compileFlow, type EngineEffects, step, supportBotFlow } from '../../packages/engine/src/index';
import { validateFlow } from '../../packages/flow-schema/src/index';
import { type AnyStateMachine, createActor } from './deps';
import { generateFlow } from './generate-flow';
import { handwrittenMachine } from './handwritten';
import { loopFlow, TRANSITIONS_PER_EVENT } from './loop-flow';
import { fmt, median, percentile, timeEach } from './measure';

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

// 2. Transitions per second: same workload, same process, alternating rounds.
function transitionsPerSecond(machine: AnyStateMachine, startEvent: { type: string } | null, events: number): number {
  const actor = createActor(machine);
  let outputs = 0;
  actor.on('output', () => outputs++);
  actor.start();
  if (startEvent) actor.send(startEvent);
  const before = outputs;
  const t = performance.now();
  for (let i = 0; i < events; i++) actor.send(click);
  const seconds = (performance.now() - t) / 1000;
  if (outputs - before !== events * 2)
    throw new Error(`expected 2 outputs per event, got ${(outputs - before) / events}`);
  actor.stop();
  return (events * TRANSITIONS_PER_EVENT) / seconds;
}

const compiledLoop = compileFlow(loopFlow).machine;
const EVENTS = 20_000;
const engineRates: number[] = [];
const handRates: number[] = [];
transitionsPerSecond(compiledLoop, { type: 'start' }, 2000);
transitionsPerSecond(handwrittenMachine, null, 2000);
for (let round = 0; round < 7; round++) {
  engineRates.push(transitionsPerSecond(compiledLoop, { type: 'start' }, EVENTS));
  handRates.push(transitionsPerSecond(handwrittenMachine, null, EVENTS));
}
const ratio = median(engineRates) / median(handRates);

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
const demoCompile = median(timeEach(() => compileFlow(supportBotFlow), 30));

const cpu = cpus();
const rows = [
  [
    'Compile + validate 500-block flow (median of 30)',
    `${fmt(median(compileTimes))} ms`,
    '≤ 50 ms',
    median(compileTimes) <= 50,
  ],
  ['Compile + validate 500-block flow (p95)', `${fmt(percentile(compileTimes, 95))} ms`, '', null],
  ['Compile + validate 500-block flow (first, cold)', `${fmt(cold)} ms`, '', null],
  ['validateFlow alone, 500 blocks (median)', `${fmt(median(validateTimes))} ms`, '', null],
  ['Compile demo support bot (median)', `${fmt(demoCompile, 2)} ms`, '', null],
  ['Engine transitions/s (compiled flow, median of 7)', fmt(median(engineRates), 0), '', null],
  ['Hand-written XState transitions/s (median of 7)', fmt(median(handRates), 0), '', null],
  ['Engine / hand-written ratio', fmt(ratio, 2), '≥ 0.8', ratio >= 0.8],
  ['Full step() per visitor message, snapshot via JSON', `${fmt(stepsPerSecond, 0)} steps/s`, '', null],
] as const;

const table = [
  '| Measure | Result | Goal | Met |',
  '|---|---|---|---|',
  ...rows.map(([m, r, g, ok]) => `| ${m} | ${r} | ${g} | ${ok === null ? '' : ok ? 'yes' : 'NO'} |`),
].join('\n');
const machine = `Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}.`;
const doc = `## Engine (packages/engine)

${machine}
Flow: ${big.blocks?.length} blocks, ${big.edges?.length} edges (generated, see bench/engine/generate-flow.ts); demo flow ${demo.doc.blocks.length} blocks.
Transitions: each visitor click enters ${TRANSITIONS_PER_EVENT} blocks (buttons → message → set variable → condition → buttons),
${EVENTS.toLocaleString('en-US')} clicks per round, compiled flow and hand-written machine alternating in the same process.

${table}
`;
console.log(doc);
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'results', 'engine.md');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, doc);
