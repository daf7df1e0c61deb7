import { useEffect, useState } from 'react';
import { getMailEnabled } from './authApi';

let cached: Promise<boolean> | undefined;

/**
 * Whether this Werkplaats sends mail (SMTP_URL set): undefined while asking. Asked once per page
 * load; a failed answer counts as "no mail", so the UI never promises mail it cannot check.
 */
export function useMailEnabled(): boolean | undefined {
  const [enabled, setEnabled] = useState<boolean | undefined>();
  useEffect(() => {
    let live = true;
    cached ??= getMailEnabled().catch(() => {
      cached = undefined;
      return false;
    });
    void cached.then((value) => {
      if (live) setEnabled(value);
    });
    return () => {
      live = false;
    };
  }, []);
  return enabled;
}
