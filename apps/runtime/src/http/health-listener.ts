import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Services } from '../services';
import { createRouter } from './env';
import { sendError } from './errors';
import { healthRoutes } from './routes/system/health';

export interface HealthListener {
  url: string;
  close(): Promise<void>;
}

/**
 * /healthz and /readyz alone on their own port (HEALTH_PORT). Node's event loop accepts one new connection per
 * turn, first come first served: during a burst a probe sent to the main port waits until every visitor
 * connection that arrived before it has been taken in. On this port its connection is next in line at once.
 */
export async function listenHealth(services: Services, port: number, hostname: string): Promise<HealthListener> {
  const app = createRouter();
  app.route('/', healthRoutes(services));
  app.notFound((c) => sendError(c, 404, 'not_found', 'This port serves /healthz and /readyz only'));
  const { server, actualPort } = await new Promise<{ server: ReturnType<typeof serve>; actualPort: number }>(
    (resolve, reject) => {
      const server = serve({ fetch: app.fetch, port, hostname }, (info: AddressInfo) =>
        resolve({ server, actualPort: info.port }),
      );
      server.once('error', reject);
    },
  );
  const host = hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
