import { buildClientIfNeeded } from '../../server/cli/build';

/** Browser tests load the built client from the real server: build it once before any test runs. */
export default async function setup(): Promise<void> {
  await buildClientIfNeeded();
}
