/** A certificate as a Word document (docx 9), written by the design export's block writer. */
import { Document, Packer } from 'docx';
import { docxBlock } from './exportDocx';
import type { Block } from './outline';
import { clean, NUMBERING, type ListCounter } from './richDocx';

/** The certificate's blocks as a .docx file. */
export async function renderCertificateDocx(
  blocks: Block[],
  title: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const counter: ListCounter = { value: 1 };
  const file = new Document({
    creator: 'Werkplaats',
    title: clean(title),
    numbering: NUMBERING,
    sections: [{ children: blocks.flatMap((block) => docxBlock(block, counter)) }],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}
