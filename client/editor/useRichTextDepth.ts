import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { xmlDepth } from '../../shared/editor/xmlTree';

/**
 * How deeply the fragment's elements nest, followed when its top-level blocks change (a restore
 * replaces them all). Deeper changes are not followed: walking the text on every keystroke would
 * cost more than it finds, and new deep nesting is refused where updates arrive.
 */
export function useRichTextDepth(fragment: Y.XmlFragment): number {
  const [depth, setDepth] = useState(() => xmlDepth(fragment));
  useEffect(() => {
    const measure = () => setDepth(xmlDepth(fragment));
    measure();
    fragment.observe(measure);
    return () => fragment.unobserve(measure);
  }, [fragment]);
  return depth;
}
