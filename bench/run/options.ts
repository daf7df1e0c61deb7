import path from 'node:path';
import type { ServerKind } from '../lib/protocol';

/*
 * The command line of `npm run bench` (see bench/run.ts), parsed once.
 */

/** The repository root. */
export const ROOT = path.resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
/** Whether `--name` was given. */
export const flag = (name: string): boolean => args.includes(`--${name}`);
/** The value after `--name`, if given. */
export const option = (name: string): string | undefined => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
export const quick = flag('quick');
export const pin = flag('pin');
export const runs = Number(option('runs') ?? (quick ? 1 : 3));
export const ALL_SERVERS: ServerKind[] = ['werkplaats', 'hocuspocus', 'ywebsocket', 'relay'];
export const servers = (option('servers')?.split(',') as ServerKind[] | undefined) ?? ALL_SERVERS;
export const LABEL: Record<ServerKind, string> = {
  werkplaats: 'Werkplaats',
  hocuspocus: 'Hocuspocus 4',
  ywebsocket: 'y-websocket 2.1.0',
  relay: 'bare relay',
};
