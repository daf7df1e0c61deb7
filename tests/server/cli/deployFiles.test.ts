import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../../server/cli/nodeFlags';
import { loadEnv } from '../../../server/env';
import { REPO_ROOT } from '../../support/server';

// compose.yaml, the nginx config, the systemd unit and the example settings, read for what an
// operator relies on (no Docker, nginx or systemd runs here). compose.yaml is read by indentation:
// enough for the two-space layout it is written in, without a YAML parser among the dependencies.

const read = (file: string) => fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');

/** The text of each service in compose.yaml (the lines indented below `  <name>:` under services). */
function composeServices(text: string): Record<string, string> {
  const services: Record<string, string> = {};
  let current: string | undefined;
  let inServices = false;
  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) inServices = line.startsWith('services:');
    const name = /^ {2}([\w-]+):\s*$/.exec(line)?.[1];
    if (inServices && name) current = name;
    else if (inServices && current && /^ {4}/.test(line))
      services[current] = `${services[current] ?? ''}${line}\n`;
    else if (!/^\s*$/.test(line) && !/^ {2}#/.test(line)) current = undefined;
  }
  return services;
}

describe('compose.yaml', () => {
  const compose = read('compose.yaml');
  const services = composeServices(compose);

  it('runs the app built from this repository with PostgreSQL, Redis and a proxy', () => {
    expect(Object.keys(services).sort()).toEqual(['app', 'postgres', 'proxy', 'redis']);
    expect(services.app).toMatch(/^ {4}build: \.$/m);
    for (const setting of ['DATABASE_URL', 'REDIS_URL', 'TRUST_PROXY', 'PUBLIC_ORIGIN'])
      expect(services.app).toMatch(new RegExp(`^ {6}${setting}: \\S`, 'm'));
    expect(services.app).toMatch(/postgres:5432/);
    expect(services.app).toMatch(/redis:\/\/redis:6379/);
  });

  it('keeps data in named volumes and checks the health of what the app waits for', () => {
    expect(services.app).toMatch(/- app-data:\/data$/m);
    expect(services.postgres).toMatch(/- postgres-data:\/var\/lib\/postgresql\/data$/m);
    expect(compose).toMatch(/^volumes:\n {2}app-data:\n {2}postgres-data:/m);
    for (const name of ['postgres', 'redis', 'proxy'])
      expect(services[name], name).toMatch(/^ {4}healthcheck:/m);
    // The app's own health check is the image's HEALTHCHECK.
    expect(read('Dockerfile')).toMatch(/^HEALTHCHECK /m);
    expect(services.app).toMatch(/postgres:\n\s+condition: service_healthy/);
  });

  it('names every image with a version tag, never latest', () => {
    const images = [...compose.matchAll(/^\s+image: (\S+)$/gm)].map((match) => match[1]!);
    expect(images).toHaveLength(3);
    for (const image of images) expect(image, image).toMatch(/^[\w./-]+:(?!latest$)[\w.-]+$/);
  });

  it("mounts the proxy config from deploy/, and doesn't publish the app's port past the proxy", () => {
    const mounted = /- \.\/(deploy\/nginx\/[\w.]+):/.exec(services.proxy!)?.[1];
    expect(mounted && fs.existsSync(path.join(REPO_ROOT, mounted))).toBe(true);
    expect(services.app).not.toMatch(/^ {4}ports:/m);
  });
});

describe('deploy/nginx/werkplaats.conf', () => {
  const conf = read('deploy/nginx/werkplaats.conf').replace(/#.*$/gm, '');
  const locations = [...conf.matchAll(/location\s+(\S+)\s*\{([^}]*)\}/g)].filter(([, , body]) =>
    body!.includes('proxy_pass'),
  );

  it('terminates TLS', () => {
    expect(conf).toMatch(/listen 443 ssl;/);
    expect(conf).toMatch(/ssl_certificate\s+\S+;/);
    expect(conf).toMatch(/ssl_certificate_key\s+\S+;/);
  });

  it('sends Host and the client address in every proxied location (they do not inherit once one is set)', () => {
    expect(locations.map(([, where]) => where).sort()).toEqual(['/', '/collab/']);
    for (const [, where, body] of locations) {
      expect(body, where).toMatch(/proxy_set_header Host\s+\$host;/);
      expect(body, where).toMatch(/proxy_set_header X-Forwarded-For\s+\$proxy_add_x_forwarded_for;/);
      expect(body, where).toMatch(/proxy_set_header X-Forwarded-Proto\s+\$scheme;/);
    }
  });

  it('upgrades the WebSocket of /collab/ and keeps it open longer than the 30 s heartbeat', () => {
    const collab = locations.find(([, where]) => where === '/collab/')![2]!;
    expect(collab).toMatch(/proxy_set_header Upgrade\s+\$http_upgrade;/);
    expect(collab).toMatch(/proxy_set_header Connection\s+\$connection_upgrade;/);
    expect(conf).toMatch(/proxy_http_version 1\.1;/);
    expect(collab).toMatch(/proxy_read_timeout 1h;/);
  });
});

describe('deploy/werkplaats.service and the example settings', () => {
  const unit = read('deploy/werkplaats.service');
  const setting = (key: string) => new RegExp(`^${key}=(.*)$`, 'm').exec(unit)?.[1];

  it('runs the build on the project Node as `npm run serve` does, as its own user, stopped by SIGTERM', () => {
    const [node, ...rest] = setting('ExecStart')!.split(' ');
    expect(node).toBe(`${setting('WorkingDirectory')}/node_modules/.bin/node`);
    expect(rest).toEqual([...SERVER_NODE_FLAGS, 'dist/server/start.mjs']);
    expect(setting('User')).not.toMatch(/^(root|0)$/);
    expect(setting('KillSignal')).toBe('SIGTERM');
    expect(setting('EnvironmentFile')).toBe('/etc/werkplaats/werkplaats.env');
  });

  // systemd-analyze (Debian: the systemd package) reports unknown or malformed directives.
  const analyze = spawnSync('systemd-analyze', ['--version']).status === 0;
  it.skipIf(!analyze)('is a unit systemd-analyze finds nothing wrong with', () => {
    // It also wants ExecStart's program to exist: this Node stands in for the installed one.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'werkplaats-unit-'));
    const file = path.join(dir, 'werkplaats.service');
    fs.writeFileSync(file, unit.replace(/^ExecStart=\S+/m, `ExecStart=${process.execPath}`));
    const result = spawnSync('systemd-analyze', ['verify', '--man=no', file], { encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('gives settings the server accepts, with DATA_DIR in the state directory', () => {
    const example = read('deploy/werkplaats.env.example');
    const values = Object.fromEntries(
      [...example.matchAll(/^([A-Z_]+)=(.*)$/gm)].map((match) => [match[1]!, match[2]!]),
    );
    const env = loadEnv(values);
    expect(env.DATA_DIR).toBe(`/var/lib/${setting('StateDirectory')}`);
    expect(env.HOST).toBe('127.0.0.1');
  });
});
