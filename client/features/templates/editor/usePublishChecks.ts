import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { validateForPublish, type PublishProblem } from '../../../../shared/domain/template/validate';
import { projectTemplate } from '../../../../shared/editor/templateContent';

/** At most one re-check per this many ms while people type (projection + validation of the whole doc). */
const CHECK_THROTTLE_MS = 400;

function check(doc: Y.Doc): PublishProblem[] {
  return validateForPublish(projectTemplate(doc));
}

/**
 * What would block publishing right now, by the same rules the server applies
 * (shared/domain/ontwikkelpad/validate.ts), recomputed after changes — local and remote — at most
 * every CHECK_THROTTLE_MS.
 */
export function usePublishChecks(doc: Y.Doc): PublishProblem[] {
  const [problems, setProblems] = useState(() => check(doc));
  useEffect(() => {
    let timer: number | null = null;
    const onUpdate = () => {
      if (timer !== null) return;
      timer = window.setTimeout(() => {
        timer = null;
        setProblems(check(doc));
      }, CHECK_THROTTLE_MS);
    };
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      if (timer !== null) window.clearTimeout(timer);
    };
  }, [doc]);
  return problems;
}
