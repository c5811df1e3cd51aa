/**
 * A worker's part of the group: its /metrics answers for the whole group (asking the primary, which
 * gathers every worker's registry with prom-client's AggregatorRegistry), and it knows how many of
 * the group's workers are running (for /healthz and /readyz).
 */
import { AggregatorRegistry, type Registry } from 'prom-client';
import { isGatewayMessage, type MetricsRequest } from './messages';

/** What /metrics serves: this process's registry, or the group's. */
export interface MetricsSource {
  contentType: string;
  metrics(): Promise<string>;
}

export interface WorkerGroup {
  metrics: MetricsSource;
  /** `running/configured`, e.g. `2/2`; what the worker last heard from the primary. */
  state(): string;
}

const METRICS_TIMEOUT_MS = 5000;

export function joinGroup(registry: Registry, configured: number): WorkerGroup {
  // prom-client answers the primary's requests for this worker's metrics once an AggregatorRegistry
  // exists here, from the registries it is given.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([registry]);
  let running = configured;
  let nextId = 0;
  const waiting = new Map<number, (text: string | undefined) => void>();
  process.on('message', (message: unknown) => {
    if (!isGatewayMessage(message)) return;
    if (message.type === 'hlgw:group') running = message.running;
    if (message.type === 'hlgw:metrics-response') {
      waiting.get(message.id)?.(message.text);
      waiting.delete(message.id);
    }
  });
  return {
    state: () => `${running}/${configured}`,
    metrics: {
      contentType: registry.contentType,
      // The group's metrics; this worker's own if the primary does not answer in time.
      metrics: () =>
        new Promise<string | undefined>((resolve) => {
          const id = (nextId += 1);
          const timer = setTimeout(() => {
            waiting.delete(id);
            resolve(undefined);
          }, METRICS_TIMEOUT_MS);
          waiting.set(id, (text) => {
            clearTimeout(timer);
            resolve(text);
          });
          const request: MetricsRequest = { type: 'hlgw:metrics-request', id };
          process.send?.(request);
        }).then((text) => text ?? registry.metrics()),
    },
  };
}
