import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

/** A free loopback port (bound, read, released). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

/**
 * A Redis server of the test's own (Debian's redis-server, no persistence) on a private port, so a test can
 * kill it with SIGKILL and start it again on the same port without touching the machine's Redis.
 */
export interface RedisProcess {
  readonly url: string;
  /** SIGKILL: the server dies at once, with every key and subscription it held. */
  kill(): Promise<void>;
  /** Starts a fresh server on the same port and waits until it answers PING. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startRedisProcess(): Promise<RedisProcess> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;

  const answers = async () => {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => {});
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  };

  const start = async () => {
    const started = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    child = started;
    const exited = new Promise<never>((_, reject) =>
      started.once('exit', (code) => reject(new Error(`redis-server exited (${code}) before it answered`))),
    );
    exited.catch(() => {});
    // Polls until the server answers (a few milliseconds), or fails as soon as it exits.
    for (;;) {
      if (await Promise.race([answers(), exited])) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  const kill = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const gone = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await gone;
  };

  await start();
  return { url, kill, start, close: kill };
}
