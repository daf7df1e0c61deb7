import type { ReactNode } from 'react';

/**
 * Published rich text arrives as plain text (shared/editor/templateDoc.ts fragmentToPlainText):
 * one line per paragraph, list items starting with "- ". Shown as paragraphs and lists again.
 */
export function PlainText({ text, className }: { text: string; className?: string }) {
  const blocks: ReactNode[] = [];
  let items: string[] = [];
  const flushList = () => {
    if (items.length === 0) return;
    blocks.push(
      <ul key={`list-${blocks.length}`}>
        {items.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>,
    );
    items = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('- ')) {
      items.push(line.slice(2));
      continue;
    }
    flushList();
    if (line.trim()) blocks.push(<p key={`p-${blocks.length}`}>{line.trim()}</p>);
  }
  flushList();
  return <div className={className ?? 'plain-text'}>{blocks}</div>;
}
