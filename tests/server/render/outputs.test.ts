/**
 * One renderer, four outputs: a design with headings, marks, links, both list kinds, EVC, relatie
 * and activities with material status keeps all of it in Markdown, HTML, print and docx.
 */
import { Window } from 'happy-dom';
import { defaultMarkdownParser } from 'prosemirror-markdown';
import { describe, expect, it } from 'vitest';
import { JOBS, type ExportJob } from '../../../server/workers/jobs';
import { unzip } from '../../support/unzip';
import { exportJob, richDesignDoc } from './designFixture';

async function render(format: ExportJob['format']) {
  return (await JOBS.export(exportJob(richDesignDoc(), format))).body;
}

function parseHtml(html: string): Document {
  const window = new Window();
  window.document.write(html);
  return window.document as unknown as Document;
}

const texts = (document: ParentNode, selector: string) =>
  [...document.querySelectorAll(selector)].map((element) => element.textContent.trim());

describe('export renderer', () => {
  it('Markdown: CommonMark that parses back to the same structure', async () => {
    const md = String(await render('md'));
    expect(md).toContain('### Aanleiding\n\nLeraren willen **vet** en *schuin*.');
    expect(md).toContain('[de site](https://example.org/a)');
    expect(md).toContain('- Starters\n- Zij-instromers');
    expect(md).toContain('1. Eerst\n2. Dan');
    expect(md).not.toContain('javascript:');
    const doc = defaultMarkdownParser.parse(md);
    const types: string[] = [];
    doc.descendants(
      (node) => void types.push(node.type.name === 'heading' ? `h${node.attrs.level}` : node.type.name),
    );
    expect(types).toEqual(expect.arrayContaining(['h1', 'h2', 'h3', 'h4', 'bullet_list', 'ordered_list']));
    expect(md.match(/^## Leeractiviteiten$/gm)).toHaveLength(1);
    expect(md).toContain('- Stand van: 6 december 2026, 14:05');
    expect(md).toContain(
      '| Intervisie \\| ronde 1 | Intervisie | Non-formeel | 4 | team | Omgezet / opgewerkt |',
    );
    expect(md).toContain('Portfolio en gesprek.');
    expect(md).toContain('Tweede stap van het traject.');
    expect(md).toMatch(/R9 \(voldaan\)/);
    expect(md).not.toMatch(/\((pass|fail|warn)\)/);
    // One order: every template section once, each structured field inside its own section.
    const h2 = [...md.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(h2).toEqual([
      'Doelgroep en aanleiding',
      'Leeruitkomsten en opbouw',
      'Leeractiviteiten',
      'Toetsing en bewijzen',
      'Erkenning eerder verworven competenties',
      'Relatie tot het professionaliseringstraject',
      'Materialen',
      'Controles',
    ]);
  });

  for (const format of ['html', 'print'] as const) {
    it(`${format}: the schema's own elements for headings, marks, links and lists`, async () => {
      const document = parseHtml(String(await render(format)));
      const section = document.querySelector('section')!;
      expect(texts(section, 'h3')).toEqual(['Aanleiding']);
      expect(texts(section, 'h4')).toEqual(['Doelgroep']);
      expect(texts(section, 'strong')).toEqual(['vet']);
      expect(texts(section, 'em')).toEqual(['schuin']);
      expect([...section.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
        'https://example.org/a',
      ]);
      expect(texts(section, 'ul > li')).toEqual(['Starters', 'Zij-instromers']);
      expect(texts(section, 'ol > li')).toEqual(['Eerst', 'Dan']);
      expect(texts(document, 'h2').filter((text) => text === 'Leeractiviteiten')).toHaveLength(1);
      expect(texts(document, 'td')).toContain('Omgezet / opgewerkt');
      expect(document.body.textContent).toContain('Portfolio en gesprek.');
      expect(document.body.textContent).toContain('Tweede stap van het traject.');
      expect(document.body.textContent).toContain('6 december 2026, 14:05');
    });
  }

  it('docx: bold and italic runs, a hyperlink, numbering and heading styles in word/document.xml', async () => {
    const files = unzip(Buffer.from((await render('docx')) as Uint8Array));
    const xml = files.get('word/document.xml')!.toString('utf8');
    const runOf = (text: string) =>
      xml.slice(xml.lastIndexOf('<w:r>', xml.indexOf(`>${text}<`)), xml.indexOf(`>${text}<`));
    expect(runOf('vet')).toContain('<w:b/>');
    expect(runOf('schuin')).toContain('<w:i/>');
    expect(runOf('Leraren willen ')).not.toContain('<w:b/>');
    expect(xml).toMatch(/<w:hyperlink [^>]*r:id="[^"]+"[^>]*>.*?de site/);
    const rels = files.get('word/_rels/document.xml.rels')!.toString('utf8');
    expect(rels).toContain('Target="https://example.org/a"');
    expect(rels).not.toContain('javascript:');
    expect(xml).toContain('<w:pStyle w:val="Heading3"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading4"/>');
    expect(xml.match(/<w:numPr>/g)!.length).toBeGreaterThanOrEqual(4);
    expect(files.get('word/numbering.xml')!.toString('utf8')).toContain('w:val="decimal"');
    expect(xml).toContain('Omgezet / opgewerkt');
    expect(xml).toContain('Portfolio en gesprek.');
    expect(xml).toContain('Tweede stap van het traject.');
  });

  it('JSON: each section keeps its structure beside its plain text', async () => {
    const json = JSON.parse(String(await render('json'))) as {
      sections: Array<{ text: string; rich: { type: string } | null }>;
    };
    const rich = JSON.stringify(json.sections.map((section) => section.rich));
    expect(json.sections.every((section) => section.rich?.type === 'doc')).toBe(true);
    expect(rich).toContain('{"type":"bold"}');
    expect(rich).toContain('{"type":"italic"}');
    expect(rich).toContain('"href":"https://example.org/a"');
    expect(rich).toContain('"orderedList"');
    expect(rich).toContain('"bulletList"');
    expect(rich).toMatch(/"type":"heading","attrs":\{[^}]*"level":4/);
    expect(json.sections.map((section) => section.text).join('\n')).toContain('Leraren willen vet');
  });
});
