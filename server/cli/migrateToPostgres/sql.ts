import type { TablePlan } from './plan';

/** An identifier quoted for both SQLite and PostgreSQL (names come from the live catalogs). */
export function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A comma-separated list of quoted identifiers. */
export function quoteAll(names: readonly string[]): string {
  return names.map(quote).join(', ');
}

/** A row's primary key for messages, e.g. `id="d1"` or `doc_id="d1", seq=3`. */
export function rowKey(plan: TablePlan, names: readonly string[], row: readonly unknown[]): string {
  return plan.key.map((column) => `${column}=${show(row[names.indexOf(column)])}`).join(', ');
}

/** A value for messages: text quoted and shortened, bytes as their length and first bytes in hex. */
export function show(value: unknown): string {
  if (value instanceof Uint8Array) {
    const hex = Buffer.from(value).subarray(0, 16).toString('hex');
    return `<${value.byteLength} bytes ${hex}${value.byteLength > 16 ? '…' : ''}>`;
  }
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value === 'bigint') return value.toString();
  return String(value);
}
