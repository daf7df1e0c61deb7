import { it } from 'vitest';
import * as Y from 'yjs';
import { JOBS as NEW } from '../../../server/workers/jobs';
import { JOBS as OLD } from '/tmp/oldsrc/server/workers/jobs';
import { exportJob, richDesignDoc } from './designFixture';
import { fillSections } from '../../reliability/support/largeDocument';
it('bench', async () => {
  const doc = richDesignDoc();
  fillSections(doc, 860, 40);
  console.log('state bytes', Y.encodeStateAsUpdate(doc).byteLength);
  for (const format of ['md', 'html', 'docx'] as const) {
    for (const [name, jobs] of [['old', OLD], ['new', NEW]] as const) {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const job = exportJob(doc, format);
        const t0 = performance.now();
        await (jobs.export as (j: unknown) => Promise<unknown>)(job);
        times.push(Math.round(performance.now() - t0));
      }
      console.log(format, name, times.join(' '));
    }
  }
}, 600000);
