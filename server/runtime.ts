/** The Node major Werkplaats runs, is tested and benchmarked on (README: "Runtime"). */
export const SUPPORTED_NODE_MAJOR = 24;

/**
 * Why `version` cannot run Werkplaats, or undefined when it can. An older Node is refused rather
 * than tried: better-sqlite3 13 crashes Node 20 with a segmentation fault instead of an error.
 */
export function unsupportedNodeReason(version: string = process.version): string | undefined {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  if (major >= SUPPORTED_NODE_MAJOR) return undefined;
  return (
    `Werkplaats needs Node ${SUPPORTED_NODE_MAJOR}; this is Node ${version}. ` +
    'Run it through npm (npm start, npm test), which uses the Node that npm install put in ' +
    'node_modules/.bin, or install Node 24 on this machine (.nvmrc).'
  );
}
