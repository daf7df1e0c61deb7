import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../../server/cli/nodeFlags';
import { REPO_ROOT } from '../../support/server';

describe('the Node flags of the server', () => {
  it('are the ones `npm start` and `npm run serve` run the launcher with (the benchmark uses SERVER_NODE_FLAGS)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const launch = ['node', ...SERVER_NODE_FLAGS, 'dist/server/start.mjs'].join(' ');
    expect(pkg.scripts.start!.split('&&').at(-1)!.trim()).toBe(launch);
    expect(pkg.scripts.serve).toBe(launch);
  });
});
