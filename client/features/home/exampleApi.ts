import { api } from '../../api/client';
import { readJson } from '../../api/request';

const design = api.examples.design;

/** GET /api/examples/design — the caller's example (or null) and the seeded ontwikkelpad it uses. */
export function getExample() {
  return readJson(design.$get());
}

/** The answer of getExample. */
export type ExampleState = Awaited<ReturnType<typeof getExample>>;

/** POST /api/examples/design — makes the caller's example on first use; answers its team and design. */
export function openExample() {
  return readJson(design.$post());
}

/** DELETE /api/examples/design — removes the caller's example team with everything in it. */
export function deleteExample(): Promise<void> {
  return readJson(design.$delete());
}
