import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  type ClientSocket,
  inParallel,
  openSocket,
  startVisitors,
  wsUrlOf,
} from '../../../apps/runtime/test/reliability/harness/clients';
import type { ServerFrame } from '../../../packages/contract/src';
import { sleep } from './stats';

/** Epoch milliseconds with sub-millisecond precision (same clock as the fake servers' `epochMs`). */
export const epochNow = () => performance.timeOrigin + performance.now();

export interface ReadyProbe {
  /** ms after the burst started that the probe was sent. */
  atMs: number;
  ms: number;
  /** HTTP status; 0 when the request failed or timed out. */
  status: number;
}

export interface BurstResult {
  count: number;
  /** The unique text each visitor sent (one per conversation, in order). */
  questions: string[];
  /** Epoch ms of the burst start (t0): every POST leaves right after it. */
  t0Epoch: number;
  /** ms from each POST leaving to its answer, for the POSTs answered 201. */
  acks: number[];
  /** ms from t0 to each conversation's 201 (undefined: the POST failed). */
  ackAt: Array<number | undefined>;
  failedPosts: number;
  /** POST answers by HTTP status (0: the request failed or timed out). */
  postStatuses: Record<string, number>;
  /** ms from t0 to the socket receiving the bot's answer, per conversation (undefined: never arrived). */
  answerMs: Array<number | undefined>;
  /** The answer's text, per conversation. */
  answerText: Array<string | undefined>;
  /** Answers whose text did not carry the conversation's own question (delivered to the wrong chat). */
  wrong: number;
  /** Epoch ms the conversation's socket received its first `stream` frame. */
  firstStreamEpoch: Array<number | undefined>;
  streamFrames: number[];
  /** /readyz on the probes port (HEALTH_PORT) when the runtime has one, else on the main port. */
  readyz: ReadyProbe[];
  /** /healthz (answers without the database) probed beside /readyz: the runtime's own responsiveness. */
  healthz: ReadyProbe[];
  /** /readyz on the main port, where a probe's connection is accepted after the visitors' ones before it. */
  mainReadyz: ReadyProbe[];
  /** Runtime CPU (user + system) from t0 to the last answer. */
  runtimeCpuMs: number;
  /** This process's event-loop delay during the burst: how late its own timestamps can be. */
  benchLoopDelay: { p99: number; max: number };
}

export interface BurstOptions {
  url: string;
  /** The runtime's probes port (RuntimeProcess.healthUrl): /readyz and /healthz are probed there too. */
  healthUrl?: string;
  botId: string;
  count: number;
  /** A bot text message that is the answer to the visitor's message. */
  isAnswer: (text: string) => boolean;
  /** Longest wait for every answer after t0. */
  deadlineMs: number;
  /** The runtime's CPU time so far (RuntimeProcess.cpuMs). */
  cpuMs: () => number;
  probeEveryMs?: number;
  /** Called right before t0, once every visitor is set up (e.g. to start a profiler on the burst alone). */
  onStart?: () => void;
}

const SETUP_TIMEOUT_MS = 30_000;

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Requests of the burst and the probes go through their own agent, each on a new connection (like visitors on
 * their own devices): none waits behind another on the client side (fetch's pool may queue a probe behind a
 * slow POST and report the POST's time as the probe's), and none is sent on a kept-alive socket the server is
 * closing (a reset, not the runtime's doing).
 */
const agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });

/** One HTTP request through `agent`; resolves with the status (0 when it failed or timed out). */
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs: number },
): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: options.method ?? 'GET',
        headers: {
          ...options.headers,
          ...(options.body !== undefined ? { 'content-length': String(Buffer.byteLength(options.body)) } : {}),
        },
        agent,
        timeout: options.timeoutMs,
      },
      (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? 0));
        res.once('error', () => resolve(0));
      },
    );
    req.once('timeout', () => req.destroy(new Error('timeout')));
    req.once('error', () => resolve(0));
    req.end(options.body);
  });
}

/** GET `path` every `everyMs` (not waiting for the previous probe) until stopped. */
function probeEvery(url: string, path: string, t0: number, everyMs: number) {
  const probes: ReadyProbe[] = [];
  const inFlight = new Set<Promise<void>>();
  const probe = () => {
    const sent = performance.now();
    const done = send(`${url}${path}`, { timeoutMs: 10_000 }).then((status) => {
      probes.push({ atMs: sent - t0, ms: performance.now() - sent, status });
    });
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  };
  probe();
  const timer = setInterval(probe, everyMs);
  return async () => {
    clearInterval(timer);
    await within(Promise.all(inFlight), 15_000, `${path} probes`).catch(() => {});
    return probes.sort((a, b) => a.atMs - b.atMs);
  };
}

/**
 * `count` visitors of `botId`: sessions started and widget sockets open and subscribed first (not timed);
 * then at t0 every visitor sends one message at once, while /readyz and /healthz are probed every 50 ms. Measures each
 * POST's answer, when each conversation's socket receives the bot's answer (and its first `stream` frame),
 * and the readiness probes, until every answer arrived or `deadlineMs` passed.
 */
export async function runBurst(options: BurstOptions): Promise<BurstResult> {
  const { url, count } = options;
  const tag = randomBytes(3).toString('hex');
  const questions = Array.from({ length: count }, (_, i) => `q${tag}x${i}x${randomBytes(3).toString('hex')}`);
  const visitors = await within(startVisitors(url, options.botId, count), SETUP_TIMEOUT_MS * 4, 'sessions');

  let t0: number | undefined;
  const answerMs: Array<number | undefined> = new Array(count).fill(undefined);
  const answerText: Array<string | undefined> = new Array(count).fill(undefined);
  const firstStreamEpoch: Array<number | undefined> = new Array(count).fill(undefined);
  const streamFrames: number[] = new Array(count).fill(0);
  let answered = 0;
  let wrong = 0;
  let allAnswered: () => void = () => {};
  const everyAnswer = new Promise<void>((resolve) => {
    allAnswered = resolve;
  });

  const sockets: ClientSocket[] = [];
  try {
    await within(
      inParallel(
        visitors.map((visitor, index) => ({ visitor, index })),
        50,
        async ({ visitor, index }) => {
          const ws = await openSocket(wsUrlOf(url, `?visitorToken=${visitor.token}`));
          sockets.push(ws);
          let ponged: () => void = () => {};
          const pong = new Promise<void>((resolve) => {
            ponged = resolve;
          });
          ws.on('message', (data) => {
            const at = performance.now();
            const frame = JSON.parse(String(data)) as ServerFrame;
            if (frame.type === 'pong') ponged();
            if (t0 === undefined) return;
            if (frame.type === 'stream' && frame.conversationId === visitor.conversationId) {
              streamFrames[index]! += 1;
              firstStreamEpoch[index] ??= performance.timeOrigin + at;
            }
            if (frame.type !== 'message' || answerMs[index] !== undefined) return;
            const { message } = frame;
            if (message.author !== 'bot' || message.content.type !== 'text') return;
            if (!options.isAnswer(message.content.text)) return;
            if (!message.content.text.includes(questions[index]!)) wrong++;
            answerMs[index] = at - t0;
            answerText[index] = message.content.text;
            if (++answered === count) allAnswered();
          });
          ws.send(JSON.stringify({ type: 'subscribe', conversationId: visitor.conversationId, afterSeq: 0 }));
          // Frames are handled in order: after the pong the subscription is live.
          ws.send(JSON.stringify({ type: 'ping' }));
          await pong;
        },
      ),
      SETUP_TIMEOUT_MS * 2,
      'sockets',
    );
    await sleep(200); // let the set-up settle (subscription replays, socket writes)

    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    loopDelay.enable();
    options.onStart?.();
    const cpuBefore = options.cpuMs();
    const acks: number[] = [];
    const ackAt: Array<number | undefined> = new Array(count).fill(undefined);
    const postStatuses: Record<string, number> = {};
    t0 = performance.now();
    const t0Epoch = performance.timeOrigin + t0;
    const every = options.probeEveryMs ?? 50;
    const probeUrl = options.healthUrl ?? url;
    const stopReady = probeEvery(probeUrl, '/readyz', t0, every);
    const stopHealth = probeEvery(probeUrl, '/healthz', t0, every);
    const stopMainReady = options.healthUrl ? probeEvery(url, '/readyz', t0, every) : null;
    const posts = visitors.map((visitor, index) => {
      const sent = performance.now();
      return send(`${url}/api/public/conversations/${visitor.conversationId}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${visitor.token}` },
        body: JSON.stringify({
          clientId: `slow-${questions[index]}`,
          content: { type: 'text', text: questions[index] },
        }),
        timeoutMs: options.deadlineMs,
      }).then((status) => {
        postStatuses[status] = (postStatuses[status] ?? 0) + 1;
        if (status !== 201) return;
        const now = performance.now();
        acks.push(now - sent);
        ackAt[index] = now - (t0 ?? now);
      });
    });
    let deadlineTimer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      deadlineTimer = setTimeout(resolve, options.deadlineMs);
    });
    await Promise.race([everyAnswer, deadline]);
    const runtimeCpuMs = options.cpuMs() - cpuBefore;
    await Promise.race([Promise.all(posts), deadline]);
    clearTimeout(deadlineTimer);
    const [readyz, healthz, mainReadyz] = await Promise.all([stopReady(), stopHealth(), stopMainReady?.()]);
    loopDelay.disable();
    return {
      count,
      questions,
      t0Epoch,
      acks,
      ackAt,
      failedPosts: count - acks.length,
      postStatuses,
      answerMs,
      answerText,
      wrong,
      firstStreamEpoch,
      streamFrames,
      readyz,
      healthz,
      mainReadyz: mainReadyz ?? readyz,
      runtimeCpuMs,
      benchLoopDelay: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
    };
  } finally {
    for (const ws of sockets) ws.terminate();
  }
}
