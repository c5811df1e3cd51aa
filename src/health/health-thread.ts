/**
 * The health port's own thread (started by health-listener.ts): a small HTTP server answering
 * /healthz and /readyz from the state the main thread shares (health-state.ts). Its event loop does
 * nothing else, so a probe is answered in a millisecond or two however busy the gateway's event loop
 * is, and what it answers is whether that loop still turns.
 */
import { createServer } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { healthAnswer, HealthState } from './health-state';
import type { HealthThreadData, HealthThreadMessage } from './health-listener';

const { buffer, port, host, stallMs } = workerData as HealthThreadData;
const state = new HealthState(buffer);
const post = (message: HealthThreadMessage) => parentPort?.postMessage(message);

const NOT_FOUND = JSON.stringify({ errors: [{ message: 'Not found. This port serves /healthz and /readyz.' }] });

const server = createServer({ requestTimeout: 5000, headersTimeout: 5000 }, (req, res) => {
  const query = req.url?.indexOf('?') ?? -1;
  const path = query === -1 ? req.url : req.url?.slice(0, query);
  const reading = state.read();
  const answer = healthAnswer(path ?? '/', reading, stallMs);
  if (reading.group && answer)
    res.setHeader('x-gateway-workers', `${reading.group.running}/${reading.group.configured}`);
  const body = answer ? JSON.stringify({ status: answer.state }) : NOT_FOUND;
  res.writeHead(answer?.status ?? 404, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
});
server.keepAliveTimeout = 5000;
server.on('error', (error: NodeJS.ErrnoException) => post({ type: 'error', code: error.code ?? 'unknown' }));
server.listen(port, host, () => {
  const address = server.address();
  post({ type: 'listening', port: typeof address === 'object' && address ? address.port : port });
});
