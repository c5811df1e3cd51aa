/**
 * The gateway as a process of its own, started from the sources as `npm start` starts the build (with
 * the gateway's V8 flags), logging at info to a pipe the test reads line by line.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { GATEWAY_NODE_FLAGS } from '../../src/node-flags';

export interface LogEntry {
  msg: string;
  url?: string;
  level?: number;
  missing?: string[];
  healthPort?: number;
  tracing?: boolean;
}

export interface GatewayProcess {
  child: ChildProcessByStdio<null, Readable, null>;
  /** The GraphQL endpoint, from the `gateway listening` line. */
  url: string;
  entries: LogEntry[];
  /** Resolves once standard output has closed (every line read). */
  closed: Promise<unknown>;
}

/** Starts the gateway with `env` on top of PORT=0, HOST=127.0.0.1, LOG_LEVEL=info; resolves once it listens. */
export async function spawnGateway(
  env: Record<string, string>,
  flags: readonly string[] = GATEWAY_NODE_FLAGS,
): Promise<GatewayProcess> {
  const child = spawn(
    process.execPath,
    [...flags, '-r', join(__dirname, 'register-ts.js'), join(__dirname, '../../src/cli/main.ts')],
    {
      env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const entries: LogEntry[] = [];
  const lines = createInterface({ input: child.stdout });
  const closed = once(lines, 'close');
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the gateway exited (${code}) before it listened`)));
    lines.on('line', (line) => {
      const entry = JSON.parse(line) as LogEntry;
      entries.push(entry);
      if (entry.msg === 'gateway listening' && entry.url) resolve(entry.url);
    });
  });
  return { child, url, entries, closed };
}
