/**
 * What can be checked of the Dockerfile without a container engine: every file it copies from the
 * build context exists (and is not left out by .dockerignore), what it copies from the build stage is
 * what that stage builds, and its CMD and HEALTHCHECK run the built gateway from a directory holding
 * only what the runtime stage holds, after `npm ci --omit=dev`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { seedDemoData } from '../../src/dev/simulator/seed';
import { HighLevelSimulator } from '../../src/dev/simulator/simulator';
import { UPDATE_CONTACT } from './harness';
import { freePort } from '../support/ports';

const ROOT = join(__dirname, '..', '..');
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

/** The Dockerfile's instructions, continuation lines joined, per stage. */
function stages(): { name: string; instructions: string[] }[] {
  const lines = dockerfile.replace(/\\\n\s*/g, ' ').split('\n');
  const found: { name: string; instructions: string[] }[] = [];
  for (const line of lines.map((l) => l.trim())) {
    if (line === '' || line.startsWith('#')) continue;
    const from = /^FROM \S+ AS (\S+)$/i.exec(line);
    if (from?.[1]) found.push({ name: from[1], instructions: [] });
    else found.at(-1)?.instructions.push(line);
  }
  return found;
}

const jsonArray = (instruction: string, name: string): string[] =>
  JSON.parse(instruction.slice(instruction.indexOf('[', instruction.indexOf(name)))) as string[];

describe('the Dockerfile', () => {
  const [build, runtime] = stages();

  it('has a build stage and a runtime stage that runs as a non-root user', () => {
    expect(build?.name).toBe('build');
    expect(runtime?.instructions).toContain('USER node');
    expect(runtime?.instructions.some((i) => /npm ci --omit=dev/.test(i))).toBe(true);
  });

  it('copies from the build context only files that exist and are not ignored', () => {
    for (const stage of [build, runtime]) {
      for (const instruction of stage?.instructions ?? []) {
        const copy = /^COPY (?!--from)(.+) \S+$/.exec(instruction);
        if (!copy?.[1]) continue;
        for (const source of copy[1].split(/\s+/)) {
          expect(existsSync(join(ROOT, source))).toBe(true);
          expect(ignored).not.toContain(source);
        }
      }
    }
  });

  it("copies from the build stage what that stage's build writes", () => {
    const copied = runtime?.instructions.find((i) => i.startsWith('COPY --from=build'));
    expect(copied).toBe('COPY --from=build /app/dist ./dist');
    expect(build?.instructions).toContain('WORKDIR /app');
    expect(build?.instructions).toContain('RUN npm run build');
    const buildConfig = JSON.parse(readFileSync(join(ROOT, 'tsconfig.build.json'), 'utf8')) as {
      compilerOptions: { outDir: string };
    };
    expect(buildConfig.compilerOptions.outDir).toBe('dist');
  });

  it('runs the built gateway, healthy, from only what the runtime stage holds', async () => {
    const app = mkdtempSync(join(tmpdir(), 'gateway-image-'));
    const sim = new HighLevelSimulator();
    const simulatorUrl = await sim.start(0, '127.0.0.1');
    const seed = seedDemoData(sim);
    try {
      // The runtime stage: the manifests, the schema, `npm ci --omit=dev`, and the build stage's dist/.
      for (const file of ['package.json', 'package-lock.json', 'schema']) {
        cpSync(join(ROOT, file), join(app, file), { recursive: true });
      }
      execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], {
        cwd: app,
        stdio: 'ignore',
      });
      expect(existsSync(join(app, 'node_modules', 'typescript'))).toBe(false);
      execFileSync(
        join(ROOT, 'node_modules', '.bin', 'tsc'),
        ['-p', join(ROOT, 'tsconfig.build.json'), '--outDir', join(app, 'dist')],
        {
          stdio: 'ignore',
        },
      );

      const port = await freePort();
      const healthPort = await freePort();
      const env = {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        PORT: String(port),
        HEALTH_PORT: String(healthPort),
        HOST: '127.0.0.1',
        HIGHLEVEL_BASE_URL: simulatorUrl,
        SHUTDOWN_DELAY_MS: '0',
      };
      const cmd = runtime?.instructions.find((i) => i.startsWith('CMD '));
      const [command = '', ...args] = jsonArray(cmd ?? '', 'CMD');
      expect(command).toBe('node');
      const gateway = spawn(command, args, { cwd: app, env, stdio: 'ignore' });
      try {
        const deadline = Date.now() + 20_000;
        for (;;) {
          const ok = await fetch(`http://127.0.0.1:${healthPort}/healthz`).then(
            (response) => response.ok,
            () => false,
          );
          if (ok) break;
          if (Date.now() > deadline) throw new Error('the gateway did not become healthy');
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const healthcheck = runtime?.instructions.find((i) => i.startsWith('HEALTHCHECK '));
        const [probe = '', ...probeArgs] = jsonArray(healthcheck ?? '', 'CMD');
        expect(() => execFileSync(probe, probeArgs, { env, stdio: 'ignore', timeout: 5000 })).not.toThrow();

        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${seed.token}` },
          body: JSON.stringify({
            query: UPDATE_CONTACT,
            variables: { id: seed.contactIds[0], input: { city: 'Image' } },
          }),
        });
        expect(
          ((await response.json()) as { data: { updateContact: { __typename: string } } }).data.updateContact
            .__typename,
        ).toBe('UpdateContactSuccess');
      } finally {
        const exited = once(gateway, 'exit');
        gateway.kill('SIGTERM');
        const [code] = (await exited) as [number | null];
        expect(code).toBe(0);
      }
    } finally {
      await sim.stop();
      rmSync(app, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('the Kubernetes manifests', () => {
  type Manifest = { kind: string; spec?: Record<string, unknown> };
  const manifests = (file: string): Manifest[] =>
    parseAllDocuments(readFileSync(join(ROOT, 'deploy', 'kubernetes', file), 'utf8')).map((document) => {
      expect(document.errors).toEqual([]);
      return document.toJS() as Manifest;
    });

  it("probe the gateway's own endpoints and give it time to drain", () => {
    const all = manifests('gateway.yaml');
    expect(all.map((manifest) => manifest.kind)).toEqual(['Secret', 'Deployment', 'Service']);
    const deployment = all[1] as unknown as {
      spec: { template: { spec: { terminationGracePeriodSeconds: number; containers: Record<string, unknown>[] } } };
    };
    const pod = deployment.spec.template.spec;
    const [container] = pod.containers as {
      readinessProbe: { httpGet: { path: string; port: string } };
      livenessProbe: { httpGet: { path: string; port: string } };
      env: { name: string; value: string }[];
      ports: { name: string; containerPort: number }[];
    }[];
    const envValue = (name: string) => container?.env.find((variable) => variable.name === name)?.value;
    const portNamed = (name: string) => container?.ports.find((port) => port.name === name)?.containerPort;
    expect(container?.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'health' });
    expect(container?.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'health' });
    expect(portNamed('http')).toBe(Number(envValue('PORT')));
    expect(portNamed('health')).toBe(Number(envValue('HEALTH_PORT')));
    const delayMs = Number(envValue('SHUTDOWN_DELAY_MS'));
    // The delay, then up to 10 s of drain, inside the grace period.
    expect(delayMs / 1000 + 10).toBeLessThanOrEqual(pod.terminationGracePeriodSeconds);
  });

  it('run a Redis without persistence', () => {
    const [deployment] = manifests('redis.yaml') as unknown as {
      spec: { template: { spec: { containers: { args: string[] }[] } } };
    }[];
    const args = deployment?.spec.template.spec.containers[0]?.args ?? [];
    expect(args.join(' ')).toContain('--appendonly no');
  });
});
