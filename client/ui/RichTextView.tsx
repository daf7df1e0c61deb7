import { createElement, useMemo } from 'react';
import { renderToReactElement } from '@tiptap/static-renderer/pm/react';
import type { NodeProps } from '@tiptap/static-renderer';
import { richTextExtensions } from '../../shared/editor/extensions';
import type { RichTextDoc } from '../../shared/editor/richTextJson';
import { PlainText } from './PlainText';

/**
 * Stored rich text (Tiptap JSON of the shared schema) as read-only React elements, through Tiptap's
 * own static renderer: the same elements the editor makes, links filtered by the Link extension's
 * allowed schemes, and no editor instance. Falls back to the plain text when there is no structure.
 */
export function RichTextView({
  rich,
  text,
  headingOffset = 2,
  className,
}: {
  rich: RichTextDoc | null | undefined;
  text: string;
  /** How many levels the content's headings sit below the page's (inside an h2 section: 2). */
  headingOffset?: number;
  className?: string;
}) {
  const rendered = useMemo(() => {
    if (!rich?.content?.length) return null;
    return renderToReactElement({
      content: rich,
      extensions: richTextExtensions(),
      options: {
        nodeMapping: {
          // The content's "Kop 1" is a heading under the page's section heading, not the page's h1.
          heading: ({ node, children }: NodeProps) =>
            createElement(`h${Math.min(6, Number(node.attrs.level) + headingOffset)}`, null, children),
        },
      },
    });
  }, [rich, headingOffset]);
  if (!rendered) return <PlainText text={text} className={className} />;
  return <div className={className ?? 'plain-text'}>{rendered}</div>;
}
