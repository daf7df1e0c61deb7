import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../../server/cli/nodeFlags';
import { REPO_ROOT } from '../../support/server';

describe('the Node flags of the server', () => {
  it('are the ones `npm start` runs the launcher with (the benchmark uses SERVER_NODE_FLAGS)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const launch = pkg.scripts.start!.split('&&').at(-1)!.trim();
    expect(launch).toBe(['node', ...SERVER_NODE_FLAGS, 'dist/server/start.mjs'].join(' '));
  });
});
