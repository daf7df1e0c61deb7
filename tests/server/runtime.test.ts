import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_NODE_MAJOR, unsupportedNodeReason } from '../../server/runtime';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Manifest {
  name?: string;
  version?: string;
  engines?: { node?: string };
  optionalDependencies?: Record<string, string>;
}

function readManifest(dir: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** Every installed package directory under `modules`, nested node_modules and scopes included. */
function installedPackages(modules: string): string[] {
  const found: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(modules);
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (entry.startsWith('.')) continue;
    const dirs = entry.startsWith('@')
      ? readdirSync(path.join(modules, entry)).map((name) => path.join(modules, entry, name))
      : [path.join(modules, entry)];
    for (const dir of dirs) {
      found.push(dir);
      found.push(...installedPackages(path.join(dir, 'node_modules')));
    }
  }
  return found;
}

describe('runtime', () => {
  it.each([
    ['v20.20.2', false],
    ['v22.22.0', false],
    ['v24.0.0', true],
    ['v24.22.3', true],
    ['v26.1.0', true],
  ])('Node %s supported: %s', (version, supported) => {
    expect(unsupportedNodeReason(version) === undefined).toBe(supported);
  });

  it('the refusal names the Node it needs and how to get it', () => {
    expect(unsupportedNodeReason('v20.20.2')).toMatch(/Node 24.*v20\.20\.2.*npm start/);
  });

  it('the suite runs on the Node the project installs', () => {
    expect(process.versions.node.split('.')[0]).toBe(String(SUPPORTED_NODE_MAJOR));
    const pinned = Object.entries(readManifest(ROOT)?.optionalDependencies ?? {}).filter(([name]) =>
      /^node-(linux|darwin|win)-/.test(name),
    );
    expect(pinned.length).toBeGreaterThan(0);
    // Every platform's binary is the same release, the one this suite runs on.
    for (const [, version] of pinned) expect(`v${version}`).toBe(process.version);
    expect(readFileSync(path.join(ROOT, '.nvmrc'), 'utf8').trim()).toBe(String(SUPPORTED_NODE_MAJOR));
    expect(semver.satisfies(process.version, readManifest(ROOT)?.engines?.node ?? '')).toBe(true);
  });

  it('no installed package declares engines that exclude this Node', () => {
    const packages = installedPackages(path.join(ROOT, 'node_modules'));
    expect(packages.length).toBeGreaterThan(100);
    const excluded = packages.flatMap((dir) => {
      const manifest = readManifest(dir);
      const range = manifest?.engines?.node;
      if (!range || !semver.validRange(range)) return [];
      return semver.satisfies(process.version, range, { includePrerelease: true })
        ? []
        : [`${manifest.name}@${manifest.version} wants node ${range}`];
    });
    expect(excluded).toEqual([]);
  });
});
