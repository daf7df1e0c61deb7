/** One message file's messages: key → text. */
export type Catalog = Readonly<Record<string, string>>;

/** The keys that occur in more than one of `Parts` (never when all are disjoint). */
export type SharedKeys<
  Parts extends readonly Catalog[],
  Seen extends PropertyKey = never,
> = Parts extends readonly [infer First extends Catalog, ...infer Rest extends readonly Catalog[]]
  ? (keyof First & Seen) | SharedKeys<Rest, Seen | keyof First>
  : never;

type Combined<Parts extends readonly Catalog[]> = Parts extends readonly [
  infer First extends Catalog,
  ...infer Rest extends readonly Catalog[],
]
  ? First & Combined<Rest>
  : unknown;

// A spread lets a later file silently overrule an earlier one's key (a page then shows another
// feature's text); here a key in two files is a type error that names the key.
type Disjoint<Parts extends readonly Catalog[]> = [SharedKeys<Parts>] extends [never]
  ? unknown
  : { duplicateMessageKeys: SharedKeys<Parts> };

/** Joins message files into one catalog; a key that two files both define does not compile. */
export function combineCatalogs<const Parts extends readonly Catalog[]>(
  ...parts: Parts & Disjoint<Parts>
): Combined<Parts> {
  return Object.assign({}, ...parts) as Combined<Parts>;
}
