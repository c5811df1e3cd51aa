/**
 * A light upstream for calibration (`npm run bench -- --upstream light`): answers
 * `PUT /contacts/{contactId}` with a contact carrying the update, and nothing more of HighLevel
 * (no token check, validation, rate limit or store). It costs about 40% of the simulator's CPU per
 * request, which is what a minimal stand-in written for a load test costs; since every ratio divides
 * by the upstream's own work, ratios against it are the harsh ones. Speaks the simulator's IPC (`ready`,
 * `stats`), so the benchmark checks each answer reached it once, as with the simulator.
 */
import { createServer } from 'node:http';
import type { SimulatorMessage, SimulatorStats } from './workloads';

// A contact as HighLevel answers it; the update's fields replace these.
const BASE = {
  id: '',
  locationId: 've9EPM428h8vShlRW1KT',
  firstName: 'Bench',
  lastName: 'Caller',
  email: 'bench@example.com',
  phone: '+14155550100',
  tags: ['bench'],
  country: 'US',
  dateAdded: '2024-01-01T00:00:00.000Z',
  dateUpdated: '2024-01-01T00:00:00.000Z',
  customFields: [],
};

interface RestUpdate {
  customFields?: { id: string; field_value: unknown }[];
}

// Counted as a number, not per method: it answers one method.
let requests = 0;

const server = createServer((req, res) => {
  requests += 1;
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const [, resource, id, rest] = (req.url ?? '').split('/');
    let update: RestUpdate | undefined;
    try {
      update = JSON.parse(Buffer.concat(chunks).toString()) as RestUpdate;
    } catch {
      // answered 400 below
    }
    if (req.method !== 'PUT' || resource !== 'contacts' || !id || rest !== undefined || typeof update !== 'object') {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"message":"not a contact update"}');
      return;
    }
    const body = JSON.stringify({
      contact: {
        ...BASE,
        ...update,
        id,
        customFields: (update.customFields ?? []).map((field) => ({ id: field.id, value: field.field_value })),
        dateUpdated: new Date().toISOString(),
      },
      succeded: true,
    });
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no address');
  process.send?.({ ready: `http://127.0.0.1:${address.port}` });
});

process.on('message', (message: SimulatorMessage) => {
  if (message !== 'stats') return;
  const stats: SimulatorStats = { requests, byMethod: { PUT: requests } };
  process.send?.(stats);
  requests = 0;
});
process.on('disconnect', () => server.close(() => process.exit(0)));
