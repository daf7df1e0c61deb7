import { afterAll } from 'vitest';
import type { DocumentsAt } from '../../support/collabEngines';
import { clusterForFile } from '../../support/collabEngines';
import type { TestRedis } from '../../support/redis';
import { redisForFile } from '../../support/redisForFile';
import { makeDataDir, removeDataDir, startChildServer, type ChildServer } from '../../support/server';
import { freePort } from '../../support/freePort';

/** One Werkplaats process of the cluster: a fixed port, so that it comes back where it was. */
export interface Instance {
  readonly name: string;
  readonly port: number;
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** ws://127.0.0.1:PORT/collab */
  readonly wsUrl: string;
  /** The running child; throws while the instance is down. */
  readonly child: ChildServer;
  readonly running: boolean;
  /** Starts the instance (again) on its port. */
  start(): Promise<void>;
  /** Sends `signal` and resolves with how the process ended. */
  stop(signal: 'SIGKILL' | 'SIGTERM'): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Several instances on one PostgreSQL database and one Redis. */
export interface TestCluster {
  readonly databaseUrl: string;
  readonly redis: TestRedis;
  readonly instances: readonly Instance[];
  /** Where the documents are stored, for withStoredDocuments. */
  readonly documentsAt: DocumentsAt;
  /** Exits nobody asked for (a crash): the stderr tail of each; a test expects none. */
  readonly unexpectedExits: string[];
}

/** Options of clusterOfInstances. */
export interface ClusterOptions {
  /** Instances to start (default 2: A and B). */
  count?: number;
  /** Extra settings for every instance. */
  env?: Record<string, string>;
}

/**
 * N child-process servers (A, B, …) sharing a fresh database on this file's durable PostgreSQL
 * cluster and this file's Redis; started on first use, stopped after the file. Call at top level.
 */
export function clusterOfInstances(options: ClusterOptions = {}): () => Promise<TestCluster> {
  const postgres = clusterForFile();
  const redisServer = redisForFile();
  let started: Promise<TestCluster> | undefined;
  const instances: InstanceImpl[] = [];
  // Registered after the two above, so it runs before them (afterAll hooks run in reverse).
  afterAll(async () => {
    await Promise.all(
      instances.filter((instance) => instance.running).map((instance) => instance.stop('SIGKILL')),
    );
    for (const instance of instances) removeDataDir(instance.dataDir);
  });
  return () =>
    (started ??= (async () => {
      const databaseUrl = await (await postgres()).createDatabase();
      const redis = await redisServer();
      const unexpectedExits: string[] = [];
      const env = {
        DATABASE_URL: databaseUrl,
        REDIS_URL: redis.url,
        LOG_LEVEL: 'warn',
        BACKUP_INTERVAL_MINUTES: '0',
        // Every test signs up users from 127.0.0.1, and the limit is shared by the whole cluster.
        SIGNUPS_PER_ADDRESS_PER_HOUR: '1000',
        ...options.env,
      };
      for (let index = 0; index < (options.count ?? 2); index++) {
        instances.push(
          new InstanceImpl(String.fromCharCode(65 + index), await freePort(), env, unexpectedExits),
        );
      }
      // The first start migrates and seeds; the others start once it is done, at the same time.
      await instances[0]!.start();
      await Promise.all(instances.slice(1).map((instance) => instance.start()));
      return {
        databaseUrl,
        redis,
        instances,
        documentsAt: { dataDir: instances[0]!.dataDir, databaseUrl },
        unexpectedExits,
      };
    })());
}

class InstanceImpl implements Instance {
  readonly dataDir = makeDataDir();
  private current: ChildServer | undefined;
  private readonly stopping = new Set<ChildServer>();

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly unexpectedExits: string[],
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}/collab`;
  }

  get child(): ChildServer {
    if (!this.current) throw new Error(`instance ${this.name} is not running`);
    return this.current;
  }

  get running(): boolean {
    return this.current !== undefined;
  }

  async start(): Promise<void> {
    if (this.current) throw new Error(`instance ${this.name} is already running`);
    // A loaded machine can need long to boot tsx: one more try before giving up.
    let child: ChildServer;
    try {
      child = await startChildServer(this.dataDir, { ...this.env, PORT: String(this.port) });
    } catch {
      child = await startChildServer(this.dataDir, { ...this.env, PORT: String(this.port) });
    }
    this.current = child;
    void child.exited.then((exit) => {
      if (this.current === child) this.current = undefined;
      if (!this.stopping.has(child))
        this.unexpectedExits.push(
          `${this.name} exited by itself (${JSON.stringify(exit)}): ${child.stderr().slice(-2000)}`,
        );
    });
  }

  async stop(signal: 'SIGKILL' | 'SIGTERM') {
    const child = this.child;
    this.stopping.add(child);
    child.kill(signal);
    const exit = await child.exited;
    this.current = undefined;
    return exit;
  }
}
