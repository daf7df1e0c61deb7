import * as Y from 'yjs';

/**
 * Copying and deleting nested Yjs types (maps, arrays, rich text) without recursion. Yjs' `clone()`
 * and integrating a cloned tree recurse once per level, and so does deleting a type: `Item.delete`
 * descends into every child not yet deleted, and a doc with `gc: true` garbage-collects a deleted
 * type by descending into all of it. Deleting innermost types first keeps each delete one level
 * deep; use a `gc: false` doc (or one transaction per bounded slice, see restoreUpdates) so the
 * collection at the end of the transaction does not descend either.
 */

/** Any shared type. Yjs' types differ in their event parameter; `any` is the one they all fit. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyType = Y.AbstractType<any>;

/** The live types directly inside `type`: list items and map entries (attributes) holding a type. */
export function childTypes(type: AnyType): AnyType[] {
  const children: AnyType[] = [];
  for (let item = type._start; item !== null; item = item.right) {
    if (!item.deleted && item.content instanceof Y.ContentType) children.push(item.content.type);
  }
  for (const item of type._map.values()) {
    if (!item.deleted && item.content instanceof Y.ContentType) children.push(item.content.type);
  }
  return children;
}

/**
 * Every live type under `root` with its depth (root's own children at 1), parents before their
 * children.
 */
export function typesUnder(root: AnyType): Array<{ type: AnyType; depth: number }> {
  const found: Array<{ type: AnyType; depth: number }> = [];
  const stack: Array<{ type: AnyType; depth: number }> = childTypes(root)
    .reverse()
    .map((type) => ({ type, depth: 1 }));
  while (stack.length > 0) {
    const entry = stack.pop()!;
    found.push(entry);
    const children = childTypes(entry.type);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ type: children[i]!, depth: entry.depth + 1 });
  }
  return found;
}

/** Deletes the types `type` holds directly (all of a list's content; a map's type-valued keys). */
function deleteOwnContent(type: AnyType): void {
  if (type instanceof Y.Map) {
    for (const [key, value] of [...type.entries()]) if (value instanceof Y.AbstractType) type.delete(key);
    return;
  }
  if (type instanceof Y.XmlElement) {
    for (const [key, value] of Object.entries(type.getAttributes() as Record<string, unknown>))
      if (value instanceof Y.AbstractType) type.removeAttribute(key);
  }
  if (type instanceof Y.Array || type instanceof Y.XmlFragment || type instanceof Y.Text) {
    if (type.length > 0) type.delete(0, type.length);
  }
}

/**
 * Deletes the nested types under `root`, innermost first, then what `deleteOwn` removes of the
 * root itself (default: the types it holds). The doc ends up with the same deletions as deleting
 * directly; a type holding no nested type is left to its parent's delete, which is one level deep.
 */
export function deleteInnermostFirst(root: AnyType, deleteOwn?: () => void): void {
  const run = () => {
    const types = typesUnder(root);
    for (let i = types.length - 1; i >= 0; i--) {
      const { type } = types[i]!;
      if (childTypes(type).length > 0) deleteOwnContent(type);
    }
    if (deleteOwn) deleteOwn();
    else if (childTypes(root).length > 0) deleteOwnContent(root);
  };
  if (root.doc) root.doc.transact(run);
  else run();
}

/** A new, empty type of the same kind as `source` (its content is added once it is in the doc). */
function emptyLike(source: AnyType): AnyType {
  if (source instanceof Y.XmlElement) return new Y.XmlElement(source.nodeName);
  if (source instanceof Y.XmlFragment) return new Y.XmlFragment();
  if (source instanceof Y.Array) return new Y.Array();
  return new Y.Map();
}

/** Whether a type is copied whole by its own clone(): texts and hooks hold no nested list or map. */
const isFlat = (value: AnyType) => value instanceof Y.Text || value instanceof Y.XmlHook;

type Task =
  | { list: Y.Array<unknown> | Y.XmlFragment; at: number; values: unknown[] }
  | { map: Y.Map<unknown>; key: string; value: unknown }
  | { element: Y.XmlElement; attributes: Record<string, unknown> };

/** Tasks inserting `values` into `list` from `at`: runs of plain values in one insert (one item, as Yjs packs them), each type on its own. */
function listTasks(list: Y.Array<unknown> | Y.XmlFragment, at: number, values: readonly unknown[]): Task[] {
  const tasks: Task[] = [];
  let start = 0;
  for (let i = 0; i <= values.length; i++) {
    if (i < values.length && !(values[i] instanceof Y.AbstractType)) continue;
    if (i > start) tasks.push({ list, at: at + start, values: values.slice(start, i) });
    if (i < values.length) tasks.push({ list, at: at + i, values: [values[i]] });
    start = i + 1;
  }
  return tasks;
}

/** The tasks that copy `source`'s content into `copy` (already in the doc), last first (a stack). */
function fillTasks(source: AnyType, copy: AnyType): Task[] {
  const tasks: Task[] = [];
  if (source instanceof Y.Array || source instanceof Y.XmlFragment) {
    tasks.push(...listTasks(copy as Y.Array<unknown>, 0, source.toArray() as unknown[]));
    // Yjs sets an element's attributes after its children.
    if (source instanceof Y.XmlElement)
      tasks.push({
        element: copy as Y.XmlElement,
        attributes: source.getAttributes() as Record<string, unknown>,
      });
  } else if (source instanceof Y.Map) {
    for (const [key, value] of source.entries()) tasks.push({ map: copy as Y.Map<unknown>, key, value });
  }
  return tasks.reverse();
}

/** A value ready to be put in the doc: plain as is, flat types cloned, nested types empty for now. */
function placeholder(value: unknown): { value: unknown; fill?: [AnyType, AnyType] } {
  if (!(value instanceof Y.AbstractType)) return { value };
  if (isFlat(value)) return { value: value.clone() };
  const copy = emptyLike(value);
  return { value: copy, fill: [value, copy] };
}

/**
 * Inserts copies of `values` (plain values or types of another doc) into `list` at `index`, or sets
 * one under `key` of a map: the same items in the same order as inserting their `clone()`s —
 * a type, then its content depth-first — one level at a time. `target` must be in a doc.
 */
export function insertCopies(
  target: Y.Array<unknown> | Y.XmlFragment,
  index: number,
  values: readonly unknown[],
): void;
export function insertCopies(target: Y.Map<unknown>, key: string, values: readonly [unknown]): void;
export function insertCopies(
  target: Y.Array<unknown> | Y.XmlFragment | Y.Map<unknown>,
  where: number | string,
  values: readonly unknown[],
): void {
  if (!target.doc) throw new Error('insertCopies needs a target that is part of a Y.Doc');
  const tasks: Task[] =
    target instanceof Y.Map
      ? [{ map: target, key: where as string, value: values[0] }]
      : listTasks(target, where as number, values).reverse();
  target.doc.transact(() => {
    while (tasks.length > 0) {
      const task = tasks.pop()!;
      if ('element' in task) {
        for (const [key, value] of Object.entries(task.attributes))
          task.element.setAttribute(key, (value instanceof Y.AbstractType ? value.clone() : value) as string);
      } else if ('map' in task) {
        const { value, fill } = placeholder(task.value);
        task.map.set(task.key, value);
        if (fill) tasks.push(...fillTasks(...fill));
      } else {
        const placed = task.values.map(placeholder);
        task.list.insert(task.at, placed.map((entry) => entry.value) as never[]);
        const fill = placed[0]?.fill;
        if (fill) tasks.push(...fillTasks(...fill));
      }
    }
  });
}
