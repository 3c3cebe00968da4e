// The probes port's own thread (see health-listener.ts). Plain JavaScript: it runs the same under tsx, vitest
// and node, none of which compile a worker's TypeScript.
import { createServer } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { port, host, marks: shared, database, loopStaleMs, databaseStaleMs, aliveStaleMs } = workerData;
// [0]: when the runtime's event loop last turned; [1]: when the database last answered (epoch ms).
const marks = new BigInt64Array(shared);
const ageOf = (index) => Date.now() - Number(Atomics.load(marks, index));

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readiness() {
  const loop = ageOf(0);
  if (loop > loopStaleMs) return { reason: `the event loop has not turned for ${loop} ms` };
  const answered = ageOf(1);
  if (answered > databaseStaleMs) return { reason: `the database has not answered for ${answered} ms` };
  return null;
}

const server = createServer((req, res) => {
  const path = (req.url ?? '').split('?')[0];
  if (path === '/healthz') {
    const loop = ageOf(0);
    return loop > aliveStaleMs
      ? send(res, 503, { status: 'stalled', reason: `the event loop has not turned for ${loop} ms` })
      : send(res, 200, { status: 'ok' });
  }
  if (path === '/readyz') {
    const down = readiness();
    return down
      ? send(res, 503, { status: 'unavailable', database, reason: down.reason })
      : send(res, 200, { status: 'ready', database });
  }
  send(res, 404, { error: { code: 'not_found', message: 'This port serves /healthz and /readyz only' } });
});
server.on('error', (error) => parentPort.postMessage({ error: error.message }));
server.listen(port, host, () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (message) => {
  if (message === 'close') server.close(() => parentPort.close());
});
