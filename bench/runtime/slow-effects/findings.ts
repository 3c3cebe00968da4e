import type { BurstResult } from '../lib/effect-burst';
import type { StoreKind } from '../lib/effect-store';
import { percentile } from '../lib/stats';
import { type Code, dbName, figures, ms, type Phase, type Scenario } from './phase';
import { BASELINE_CONVERSATIONS, CONVERSATIONS, GOAL_LAST_S, UPSTREAM_MS } from './settings';

export type Find = (code: Code, kind: StoreKind, scenario: Scenario, count: number) => Phase | undefined;

/** The report's "What this shows": the figures read against each other, in words. */
export function whatThisShows(find: Find, phases: Phase[]): string {
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
