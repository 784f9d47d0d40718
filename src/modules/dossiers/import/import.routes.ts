import { createInterface } from 'node:readline';
import type { Services } from '../../../app.js';
import { beforeBody } from '../../../platform/access/before-body.js';
import { errors } from '../../../platform/http/app-error.js';
import type { App } from '../../../platform/http/types.js';
import { assertMayImport } from './dossier-import.js';
import { importDossiersResult } from './import-schema.js';
import { importerFor } from './index.js';

/** A province's history can run to gigabytes; the file is streamed line by line, never held whole. */
const MAX_FILE_BYTES = 4 * 1024 ** 3;

export async function dossierImportRoutes(app: App, services: Services): Promise<void> {
  app.post('/api/v1/admin/import/dossiers', {
    schema: {
      tags: ['dossiers'],
      summary: 'Nhập hồ sơ lịch sử từ tệp NDJSON (multipart "file"; docs/IMPORT-DOSSIERS.md) / import historical dossiers',
      response: { 200: importDossiersResult },
    },
    onRequest: beforeBody((req) => assertMayImport(req.ctx)),
  }, async (req) => {
    const file = await req.file({ limits: { fileSize: MAX_FILE_BYTES, files: 1 } });
    if (!file) throw errors.badRequest('Chưa chọn tệp để nhập.', 'No file was sent.');
    const lines = createInterface({ input: file.file, crlfDelay: Infinity });
    const result = await importerFor(services).importLines(req.ctx, lines, {
      onProgress: (p) => req.log.info({ import: p }, 'dossier import progress'),
    });
    if (file.file.truncated) {
      // What was read is imported; say where the file was cut so the rest can follow in another file.
      result.errors.push({ line: result.lines + 1, code: null, error: 'FILE_TOO_LARGE', message: 'Tệp vượt quá 4 GB: phần sau dòng này chưa được đọc; hãy tách phần còn lại thành tệp khác và nhập tiếp.', messageEn: 'The file exceeds 4 GB: nothing after this line was read; import the rest as another file.' });
    }
    return result;
  });
}
