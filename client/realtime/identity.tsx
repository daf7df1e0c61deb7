import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { randomUserColor, readableUserColor } from './colors';

/** How a person appears to others: caret label, avatar. Lives in awareness `user`. */
export interface UserIdentity {
  name: string;
  color: string;
}

const NAME_KEY = 'werkplaats:name';
const COLOR_KEY = 'werkplaats:color';
/** Longest display name; keeps caret labels and avatars tidy. */
export const MAX_NAME_LENGTH = 40;

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Without storage the identity lasts for this page only; that is acceptable for guests.
  }
}

/**
 * "Gast 42": a guest name with a random two-digit number (10–99). Always Dutch: the name is stored
 * and shown to everyone in the document, whatever language each of them reads.
 */
function defaultGuestName(): string {
  return `Gast ${10 + Math.floor(Math.random() * 90)}`;
}

function loadIdentity(): UserIdentity {
  let name = readStorage(NAME_KEY)?.trim();
  if (!name) {
    name = defaultGuestName();
    writeStorage(NAME_KEY, name);
  }
  let color = readStorage(COLOR_KEY);
  if (!color || readableUserColor(color) !== color) {
    color = randomUserColor();
    writeStorage(COLOR_KEY, color);
  }
  return { name: name.slice(0, MAX_NAME_LENGTH), color };
}

interface IdentityValue {
  /** What others see; never empty. */
  identity: UserIdentity;
  /** What the name field shows (may be empty while the user retypes it). */
  draftName: string;
  setDraftName: (name: string) => void;
}

const IdentityContext = createContext<IdentityValue | null>(null);

/** Provides the local user's display name and colour until accounts exist. */
export function IdentityProvider({ children }: { children: ReactNode }) {
  const [initial] = useState(loadIdentity);
  const [draftName, setDraft] = useState(initial.name);
  const [lastName, setLastName] = useState(initial.name);

  const setDraftName = useCallback((name: string) => {
    const clipped = name.slice(0, MAX_NAME_LENGTH);
    setDraft(clipped);
    const trimmed = clipped.trim();
    // An emptied field keeps the last real name for others, so nobody turns into a blank label.
    if (trimmed) {
      setLastName(trimmed);
      writeStorage(NAME_KEY, trimmed);
    }
  }, []);

  const value = useMemo<IdentityValue>(
    () => ({ identity: { name: lastName, color: initial.color }, draftName, setDraftName }),
    [lastName, initial.color, draftName, setDraftName],
  );

  return <IdentityContext value={value}>{children}</IdentityContext>;
}

/** The local user's identity and name field state. */
export function useIdentity(): IdentityValue {
  const value = useContext(IdentityContext);
  if (!value) throw new Error('useIdentity() outside <IdentityProvider>');
  return value;
}
