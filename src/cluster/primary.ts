/**
 * WORKERS > 1: this process forks that many gateway workers on one port (node:cluster shares the
 * listening socket), restarts one that exits with a backoff, answers the workers' /metrics requests
 * with the whole group's metrics, and on SIGTERM or SIGINT passes the signal on to every worker and
 * exits once all have drained (each keeps the single process's readiness and drain behaviour).
 */
import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry } from 'prom-client';
import type { Config } from '../config';
import { startHealthListener } from '../health/health-listener';
import type { Logger } from '../logging/logger';
import { isGatewayMessage, type GroupState, type MetricsResponse } from './messages';
import { RestartBackoff } from './restart-backoff';

export async function runPrimary(config: Config, logger: Logger): Promise<void> {
  const aggregator = new AggregatorRegistry();
  const started = new Map<number, number>();
  const backoff = new RestartBackoff();
  let stopping = false;

  if (!config.redis) {
    logger.warn(
      { workers: config.workers },
      'several workers without REDIS_URL: each keeps its own rate budgets and persisted queries, so together they may send up to WORKERS times what HighLevel reports as left',
    );
  }

  // The health port answers for the group: the workers share the GraphQL port, not this one.
  const health =
    config.healthPort === undefined
      ? undefined
      : await startHealthListener({
          port: config.healthPort,
          host: config.host,
          stallMs: config.healthStallMs,
          onThreadError: (error) => logger.error({ error: error.name }, 'the health port thread failed'),
        });
  // Workers serving the GraphQL port: the health port's /readyz is ready while there is one.
  const listening = new Set<number>();
  const reportListening = () => health?.setGroup(listening.size, config.workers);
  reportListening();

  const broadcast = () => {
    const state: GroupState = {
      type: 'hlgw:group',
      running: Object.keys(cluster.workers ?? {}).length,
      configured: config.workers,
    };
    for (const worker of Object.values(cluster.workers ?? {})) if (worker) send(worker, state);
  };

  const fork = () => {
    const worker = cluster.fork();
    started.set(worker.id, Date.now());
    // Its channel closing as it exits is reported here, and the exit handles the rest.
    worker.on('error', () => undefined);
    worker.on('online', broadcast);
    worker.on('listening', () => {
      listening.add(worker.id);
      reportListening();
    });
    worker.on('message', (message: unknown) => {
      if (!isGatewayMessage(message) || message.type !== 'hlgw:metrics-request') return;
      aggregator.clusterMetrics().then(
        (text) => send(worker, { type: 'hlgw:metrics-response', id: message.id, text }),
        () => send(worker, { type: 'hlgw:metrics-response', id: message.id, text: undefined }),
      );
    });
  };

  cluster.on('exit', (worker, code, signal) => {
    const ranMs = Date.now() - (started.get(worker.id) ?? Date.now());
    started.delete(worker.id);
    listening.delete(worker.id);
    reportListening();
    broadcast();
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        logger.info('every worker has stopped');
        process.exit(0);
      }
      return;
    }
    const delayMs = backoff.next(ranMs);
    logger.warn({ worker: { pid: worker.process.pid, code, signal, ranMs }, delayMs }, 'worker exited; restarting it');
    setTimeout(() => {
      if (!stopping) fork();
    }, delayMs);
  });

  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    health?.shutDown();
    logger.info({ signal, workers: Object.keys(cluster.workers ?? {}).length }, 'shutting down every worker');
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(0);
    for (const worker of workers) worker?.process.kill(signal);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);

  for (let n = 0; n < config.workers; n += 1) fork();
  logger.info({ workers: config.workers, port: config.port, healthPort: health?.port }, 'gateway primary started');
}

/**
 * To a worker that may be exiting: an error (its channel closed) is handed to the callback, not
 * emitted, so a worker's exit never takes the primary down.
 */
function send(worker: Worker, message: GroupState | MetricsResponse): void {
  if (worker.isConnected()) worker.send(message, undefined, undefined, () => undefined);
}
