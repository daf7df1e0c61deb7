import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/server';

/**
 * `server/commands` has no import circle: commands build on stores, policies, presenters and each
 * other in one direction only. The graph comes from esbuild (already used to bundle the server),
 * dynamic imports included — a lazily loaded module that imports its loader is a circle too.
 */

type Graph = Map<string, string[]>;

/** The strongly connected components with more than one file, or a file importing itself (Tarjan). */
function circles(graph: Graph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.includes(node)) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** The import graph of the server entry and every file under server/commands. */
async function serverGraph(): Promise<Graph> {
  const commands = fs
    .readdirSync(path.join(REPO_ROOT, 'server/commands'), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => path.join('server/commands', file));
  const result = await esbuild.build({
    absWorkingDir: REPO_ROOT,
    entryPoints: ['server/index.ts', ...commands],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outdir: 'out',
    logLevel: 'silent',
  });
  const graph: Graph = new Map();
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    graph.set(
      file,
      input.imports.filter((entry) => !entry.external).map((entry) => entry.path),
    );
  }
  return graph;
}

describe('import circles', () => {
  it('are all found by the finder, and nothing else', () => {
    const graph: Graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(circles(graph)).toEqual([['a', 'b', 'c'], ['e']]);
    expect(
      circles(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('none passes through server/commands', async () => {
    const graph = await serverGraph();
    expect(graph.size).toBeGreaterThan(50);
    expect([...graph.keys()]).toContain('server/commands/rounds/close.ts');
    const throughCommands = circles(graph).filter((circle) =>
      circle.some((file) => file.startsWith('server/commands/')),
    );
    expect(throughCommands).toEqual([]);
  }, 60_000);
});
