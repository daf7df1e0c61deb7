import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkDesign } from '../../../shared/domain/design/rules';
import type { TemplateContent } from '../../../shared/domain/template/types';
import { initDesignDoc, projectDesign } from '../../../shared/editor/designDoc';
import { followsTeamEvc, setFollowsTeamEvc } from '../../../shared/editor/evcReference';

/** A design refers to its team's EVC procedure through one meta key; its own EVC text stays. */

const template: TemplateContent = {
  title: 'Pad',
  kind: 'start-vakbekwaam',
  specialisation: '',
  sectors: ['po'],
  nlqfLevel: 6,
  description: '',
  themes: [],
  rubric: null,
  suggestions: '',
  sections: [],
};

function newDesign(): Y.Doc {
  const doc = new Y.Doc();
  initDesignDoc(doc, template, 'Ontwerp');
  return doc;
}

const r10 = (doc: Y.Doc) =>
  checkDesign(projectDesign(doc, template), template, { feedback: null }).find(
    (result) => result.ruleId === 'R10',
  )!;

describe('evc reference', () => {
  it('is off in a design that never set it, and R10 then asks for a text', () => {
    const doc = newDesign();
    expect(followsTeamEvc(doc)).toBe(false);
    expect(projectDesign(doc, template).evcFollowsTeam).toBe(false);
    expect(r10(doc).status).not.toBe('pass');
  });

  it('satisfies R10 without a text of its own, and keeps the text when switched off', () => {
    const doc = newDesign();
    doc.getText('evcApproach').insert(0, 'Eigen gesprek');
    setFollowsTeamEvc(doc, true);
    expect(r10(doc)).toMatchObject({ status: 'pass', message: 'Volgt de EVC-procedure van het team.' });
    doc.getText('evcApproach').delete(0, doc.getText('evcApproach').length);
    expect(r10(doc).status).toBe('pass');
    setFollowsTeamEvc(doc, false);
    expect(r10(doc).status).not.toBe('pass');
  });

  it('merges with concurrent edits of the EVC text (no data loss)', () => {
    const a = newDesign();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setFollowsTeamEvc(a, true);
    b.getText('evcApproach').insert(0, 'Aanvullend: portfolio');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) {
      expect(projectDesign(doc, template)).toMatchObject({
        evcFollowsTeam: true,
        evcApproach: 'Aanvullend: portfolio',
      });
    }
  });
});
