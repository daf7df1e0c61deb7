/** A certificate as a downloadable file: print-ready HTML (opened in the browser) or Word. */
import type { DesignCertificate, TrajectCertificate } from '../../shared/domain/certificate';
import { safeFilename, type ExportFile } from '../commands/exports';
import { renderCertificateHtml } from './certificateHtml';
import { designCertificateOutline, trajectCertificateOutline } from './certificateOutline';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The certificate in `format`: HTML inline (print it to PDF), docx as an attachment. */
export async function certificateFile(
  certificate: DesignCertificate | TrajectCertificate,
  format: 'html' | 'docx',
): Promise<ExportFile> {
  const blocks =
    certificate.kind === 'traject'
      ? trajectCertificateOutline(certificate)
      : designCertificateOutline(certificate);
  const title = `Certificaat ${certificate.title}`;
  const filename = (extension: string) => safeFilename(`certificaat-${certificate.title}`, extension);
  if (format === 'html') {
    return {
      body: renderCertificateHtml(blocks, title),
      contentType: 'text/html; charset=utf-8',
      filename: filename('html'),
      disposition: 'inline',
    };
  }
  // The docx library is large: loaded with the Word export's own chunk when first asked for.
  const { renderBlocksDocx } = await import('./exportDocx');
  return {
    body: await renderBlocksDocx(blocks, { title }),
    contentType: DOCX_TYPE,
    filename: filename('docx'),
    disposition: 'attachment',
  };
}
