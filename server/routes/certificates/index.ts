import { Hono, type Context } from 'hono';
import type { DesignCertificate, TrajectCertificate } from '../../../shared/domain/certificate';
import { certificateQuery, evcProcedureBody } from '../../../shared/schemas/certificates';
import { authRequired, requireAuth } from '../../auth/middleware';
import { designCertificateOf, trajectCertificateOf } from '../../commands/certificates';
import { getEvcProcedure, putEvcProcedure } from '../../commands/evcProcedure';
import type { AppDeps, AppEnv } from '../../deps';
import { validateJson, validateQuery } from '../../http/validate';
import { certificateFile } from '../../render/certificateFile';

/** Answers with the certificate model (JSON, the app's preview) or as a file. */
async function present(
  c: Context<AppEnv>,
  certificate: DesignCertificate | TrajectCertificate,
  format: 'json' | 'html' | 'docx',
) {
  if (format === 'json') return c.json(certificate);
  const file = await certificateFile(certificate, format);
  c.header('Content-Type', file.contentType);
  c.header('Content-Disposition', `${file.disposition}; filename="${file.filename}"`);
  c.header('X-Content-Type-Options', 'nosniff');
  return typeof file.body === 'string' ? c.body(file.body) : c.body(file.body);
}

/**
 * Certificates of a design and of a traject (members of the team: a certificate is issued by the
 * team, and the public catalog already shows what a published design holds), and the team's EVC
 * procedure (read: members; write: owners and editors). Mounted at /api.
 */
export function certificateRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/designs/:id/certificate', authRequired, validateQuery(certificateQuery), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const certificate = await designCertificateOf(deps, user.id, c.req.param('id'));
      return present(c, certificate, c.req.valid('query').format);
    })
    .get('/trajects/:id/certificate', authRequired, validateQuery(certificateQuery), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const certificate = await trajectCertificateOf(deps, user.id, c.req.param('id'));
      return present(c, certificate, c.req.valid('query').format);
    })
    .get('/teams/:teamId/evc-procedure', authRequired, async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await getEvcProcedure(deps, user.id, c.req.param('teamId')));
    })
    .put('/teams/:teamId/evc-procedure', authRequired, validateJson(evcProcedureBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await putEvcProcedure(deps, user.id, c.req.param('teamId'), c.req.valid('json')));
    });
}
