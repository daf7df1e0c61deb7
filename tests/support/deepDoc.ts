import * as Y from 'yjs';

/**
 * Nests `levels` bullet lists in `parent` (bulletList > listItem > …), each item with a paragraph
 * "regel N" before its sublist: element depth 2 × levels + 1. Built top-down in one transaction, the
 * way a crafted update arrives (Yjs' own recursive insert of a prepared tree would overflow).
 */
export function nestLists(parent: Y.XmlFragment, levels: number): void {
  const build = () => {
    let at = parent;
    for (let level = 0; level < levels; level++) {
      const list = new Y.XmlElement('bulletList');
      at.insert(at.length, [list]);
      const item = new Y.XmlElement('listItem');
      list.insert(0, [item]);
      const paragraph = new Y.XmlElement('paragraph');
      item.insert(0, [paragraph]);
      paragraph.insert(0, [new Y.XmlText(`regel ${level}`)]);
      at = item;
    }
  };
  if (parent.doc) parent.doc.transact(build);
  else build();
}

/** Nests `levels` Y.Maps under `key` of `map` (each map's `next` holds the next one). */
export function nestMaps(map: Y.Map<unknown>, key: string, levels: number): void {
  map.doc!.transact(() => {
    let at = map;
    let name = key;
    for (let level = 0; level < levels; level++) {
      const next = new Y.Map<unknown>();
      at.set(name, next);
      next.set('level', level);
      at = next;
      name = 'next';
    }
  });
}
