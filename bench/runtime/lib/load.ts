import {
  type AgentWatcher,
  type LoadVisitor,
  sendVisitorText,
} from '../../../apps/runtime/test/reliability/harness/clients';
import { openLoop, sleep } from './stats';

let runCounter = 0;

export interface ClosedLoopResult {
  ok: number;
  failed: number;
  seconds: number;
  perSecond: number;
  /** Visitor messages of this run the agent socket received (whole path: event out). */
  delivered: number;
}

/**
 * `concurrency` workers each send visitor messages back to back for `durationMs`, worker i using
 * conversations i, i+concurrency, … (no two workers wait on the same conversation lock). With several
 * instance URLs, worker i sends to instance i mod N.
 */
export async function closedLoop(
  baseUrls: string | string[],
  visitors: LoadVisitor[],
  concurrency: number,
  durationMs: number,
  agent: AgentWatcher,
): Promise<ClosedLoopResult> {
  const urls = [baseUrls].flat();
  const tag = `run${++runCounter}-`;
  let delivered = 0;
  agent.onMessage((message) => {
    if (message.clientId?.startsWith(tag)) delivered++;
  });
  let ok = 0;
  let failed = 0;
  const started = performance.now();
  const end = started + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let round = 0; performance.now() < end; round++) {
        const index = (worker + round * concurrency) % visitors.length;
        const status = await sendVisitorText(
          urls[worker % urls.length]!,
          visitors[index]!,
          `${tag}${worker}-${round}`,
          `hello ${round}`,
        );
        if (status === 201) ok++;
        else failed++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const waitUntil = performance.now() + 10_000;
  while (delivered < ok && performance.now() < waitUntil) await sleep(20);
  return { ok, failed, seconds, perSecond: ok / seconds, delivered };
}

export interface LatencyResult {
  sent: number;
  failed: number;
  /** ms from the POST leaving the visitor to the agent socket receiving the message. */
  samples: number[];
  /** ms from the POST leaving to its 201 answer: the write path, for comparison with the fan-out. */
  acks: number[];
  /** Acknowledged (201) but never received by the agent within the grace period. */
  lost: number;
}

/** Poisson-timed visitor messages (at `rate` per second over random conversations), timed to agent receipt. */
export async function latencyRun(
  sendUrl: string,
  visitors: LoadVisitor[],
  agent: AgentWatcher,
  rate: number,
  durationMs: number,
): Promise<LatencyResult> {
  const tag = `lat${++runCounter}-`;
  const sentAt = new Map<string, number>();
  const samples: number[] = [];
  agent.onMessage((message) => {
    const at = message.clientId ? sentAt.get(message.clientId) : undefined;
    if (at === undefined) return;
    samples.push(performance.now() - at);
    sentAt.delete(message.clientId!);
  });
  let failed = 0;
  let acknowledged = 0;
  const acks: number[] = [];
  const pending: Array<Promise<void>> = [];
  const sent = await openLoop(rate, durationMs, (index) => {
    const visitor = visitors[Math.floor(Math.random() * visitors.length)]!;
    const clientId = `${tag}${index}`;
    const started = performance.now();
    sentAt.set(clientId, started);
    pending.push(
      sendVisitorText(sendUrl, visitor, clientId, `ping ${index}`).then((status) => {
        if (status === 201) {
          acknowledged++;
          acks.push(performance.now() - started);
        } else {
          failed++;
          sentAt.delete(clientId);
        }
      }),
    );
  });
  await Promise.all(pending);
  const waitUntil = performance.now() + 5000;
  while (samples.length < acknowledged && performance.now() < waitUntil) await sleep(20);
  return { sent, failed, samples, acks, lost: acknowledged - samples.length };
}
