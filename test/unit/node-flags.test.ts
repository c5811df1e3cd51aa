import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GATEWAY_NODE_FLAGS, missingNodeFlags } from '../../src/node-flags';

describe('the V8 flags the gateway runs with', () => {
  const { scripts } = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };

  it.each(['start', 'demo'])('npm run %s passes every one of them', (script) => {
    expect(scripts[script]).toBe(
      `node ${GATEWAY_NODE_FLAGS.join(' ')} dist/${script === 'start' ? 'cli/main' : 'dev/demo'}.js`,
    );
  });

  it('names the ones a process was started without', () => {
    expect(missingNodeFlags(['--inspect', '--no-compilation-cache'])).toEqual(['--no-allocation-site-pretenuring']);
    expect(missingNodeFlags([...GATEWAY_NODE_FLAGS])).toEqual([]);
  });
});
