import { connect, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /** Connections currently relayed. */
  readonly open: number;
  /** Refuses new connections and destroys the open ones (the far side looks unreachable). */
  cut(): Promise<void>;
  /** Accepts and relays again, on the same port. */
  restore(): Promise<void>;
  /** Keeps every connection open but forwards nothing, and holds new ones (a paused or hung database). */
  pause(): void;
  /** Forwards again, including what waited. */
  resume(): void;
  close(): Promise<void>;
}

const listen = (server: Server, port: number) =>
  new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });

/** A loopback TCP relay to `target` that a test can cut and restore (database or network outage). */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const pairs = new Set<[Socket, Socket]>();
  let paused = false;
  const held: Socket[] = [];
  const relay = (client: Socket) => {
    const upstream = connect(target.port, target.host);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    for (const socket of pair) {
      sockets.add(socket);
      socket.on('close', () => {
        sockets.delete(socket);
        pairs.delete(pair);
      });
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  };
  const makeServer = () =>
    createServer((client) => {
      if (paused) {
        client.pause();
        held.push(client);
      } else relay(client);
    });
  let server = makeServer();
  await listen(server, 0);
  const port = (server.address() as { port: number }).port;
  let listening = true;
  const stop = async () => {
    if (listening) {
      listening = false;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  };
  return {
    port,
    get open() {
      return sockets.size;
    },
    async cut() {
      const closed = stop();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    pause() {
      paused = true;
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
    },
    resume() {
      paused = false;
      for (const [client, upstream] of pairs) client.pipe(upstream).pipe(client);
      for (const client of held.splice(0)) relay(client);
    },
    async restore() {
      if (listening) return;
      server = makeServer();
      await listen(server, port);
      listening = true;
    },
    async close() {
      for (const client of held.splice(0)) client.destroy();
      const closed = stop();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

/** A relay to the server `url` names; `defaultPort` when the URL gives none. */
export function startTcpProxyFor(url: string, defaultPort: number): Promise<TcpProxy> {
  const target = new URL(url);
  return startTcpProxy({ host: target.hostname, port: Number(target.port || defaultPort) });
}

/** The same URL with host and port replaced by the proxy's. */
export function viaProxy(url: string, proxy: TcpProxy): string {
  const parsed = new URL(url);
  parsed.hostname = '127.0.0.1';
  parsed.port = String(proxy.port);
  return parsed.toString();
}
