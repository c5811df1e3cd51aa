/**
 * Entry point: configuration from the environment, then the gateway (or, with WORKERS > 1, the primary
 * that forks a gateway per worker: src/cluster/primary.ts), then signal handling.
 */
import cluster from 'node:cluster';
import { runPrimary } from '../cluster/primary';
import { ConfigError, loadConfig, type Config } from '../config';
import { createLogger } from '../logging/logger';
import { missingNodeFlags } from '../node-flags';
import { createTracing } from '../observability/tracing-setup';
import { startGateway } from '../server';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel, undefined, config.logFormat);
  const missing = missingNodeFlags();
  if (missing.length > 0) {
    logger.warn(
      { missing },
      'node was started without V8 flags the gateway is tuned for (src/node-flags.ts); start it with npm start',
    );
  }
  // WORKERS > 1: this process forks the workers, each of which runs the rest of main().
  if (config.workers > 1 && cluster.isPrimary) return await runPrimary(config, logger);
  const tracing = createTracing(config.tracing, logger);
  const gateway = await startGateway({ config, logger, tracing });
  logger.info(
    {
      url: gateway.url,
      healthPort: gateway.healthPort,
      apiVersion: config.highLevelApiVersion,
      tracing: config.tracing.enabled,
    },
    'gateway listening',
  );

  let stopping = false;
  // SIGTERM comes from an orchestrator, which needs time to see /readyz fail; SIGINT from a person at a
  // terminal, who does not.
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const delayMs = signal === 'SIGTERM' ? config.shutdownDelayMs : 0;
    logger.info({ signal, delayMs }, 'shutting down');
    gateway.stop({ delayMs }).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`gateway failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
