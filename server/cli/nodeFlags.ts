/**
 * Node flags `npm start` runs the server with (package.json's start script; the benchmark starts
 * its Werkplaats process with the same, tests/server/cli/nodeFlags.test.ts keeps them in step).
 *
 * `--max-semi-space-size=8`: Node 24's V8 lets each young-generation semi-space grow to 64 MB
 * under load, and a busy process keeps both resident: ~120 MB of RSS at 4,000 sockets, where
 * 16 MB holds ~34 MB and 8 MB ~17 MB. Both measured A/B on the fan-out and saturation scenarios
 * without a cost beyond the run-to-run noise (docs/benchmarks.md, sessions 9 and 14).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];
