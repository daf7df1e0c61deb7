import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { CommentsRegistry } from './CommentsRegistry';

const RegistryContext = createContext<CommentsRegistry | null>(null);

/** True for the comment shortcut, Ctrl+Alt+M (on every platform; Cmd is not used). */
export function isCommentShortcut(event: KeyboardEvent): boolean {
  // AltGr reports Ctrl+Alt on Windows; AltGr+M types a character on some layouts (µ), keep it.
  if (event.getModifierState('AltGraph')) return false;
  return event.ctrlKey && event.altKey && !event.metaKey && !event.shiftKey && event.code === 'KeyM';
}

/**
 * Provides the registry to the editors, the comments panel, its toggle and the item buttons of one
 * page; Ctrl+Alt+M anywhere on the page comments on the current selection.
 */
export function EditorRegistryProvider({
  children,
  initiallyOpen = true,
  canComment,
}: {
  children: ReactNode;
  initiallyOpen?: boolean;
  canComment: boolean;
}) {
  const [registry] = useState(() => new CommentsRegistry({ panelOpen: initiallyOpen, canComment }));
  useEffect(() => registry.setCanComment(canComment), [registry, canComment]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isCommentShortcut(event) || !registry.canComment) return;
      event.preventDefault();
      registry.requestCompose('selection');
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [registry]);
  return <RegistryContext value={registry}>{children}</RegistryContext>;
}

/** The page's registry, or null outside a provider (editors then work exactly as before). */
export function useCommentsRegistry(): CommentsRegistry | null {
  return useContext(RegistryContext);
}

/** Re-renders on every change of the registry's panel state; answers the registry (or null). */
export function useRegistryState(): CommentsRegistry | null {
  const registry = useContext(RegistryContext);
  useSyncExternalStore(registry?.subscribe ?? noopSubscribe, registry?.getVersion ?? zero);
  return registry;
}

const noopSubscribe = () => () => undefined;
const zero = () => 0;
