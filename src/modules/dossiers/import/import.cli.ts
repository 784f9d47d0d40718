import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { registerCommand, runCli, withDatabase } from '../../../cli.js';
import { systemContext } from '../../../platform/http/context.js';
import { importerFor } from './index.js';

const USAGE = 'Cách dùng / usage: npx motcua import dossiers <tệp.ndjson> [--chunk 500]';

/** `npx motcua import-dossiers <file.ndjson>`: prints progress, then the summary and the first errors. */
async function importDossiers([file, ...rest]: string[]): Promise<number> {
  if (!file) {
    console.error(USAGE);
    return 2;
  }
  if (!existsSync(file)) {
    console.error(`Không tìm thấy tệp / file not found: ${file}`);
    return 2;
  }
  const chunkArg = rest.indexOf('--chunk');
  const chunkSize = chunkArg >= 0 ? Number(rest[chunkArg + 1]) : 500;
  if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > 5000) {
    console.error('--chunk phải là số nguyên 1–5000 / must be an integer 1–5000');
    return 2;
  }
  return withDatabase(async (services) => {
    const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    const r = await importerFor(services).importLines(systemContext('cli-import'), lines, {
      chunkSize,
      progressEvery: 10_000,
      onProgress: (p) => console.log(`… ${p.lines} dòng/lines: ${p.imported} đã nhập/imported, ${p.skipped} đã có/skipped, ${p.failed} lỗi/errors — ${p.dossiersPerMinute} hồ sơ/phút`),
    });
    console.log(`Xong / done: ${r.lines} dòng, ${r.imported} hồ sơ đã nhập (${r.events} sự kiện), ${r.skipped} đã có nên bỏ qua, ${r.failed} dòng lỗi; ${(r.ms / 1000).toFixed(1)} s, ${r.dossiersPerMinute} hồ sơ/phút.`);
    for (const e of r.errors.slice(0, 50)) console.log(`  dòng ${e.line}${e.code ? ` (${e.code})` : ''}: ${e.message}`);
    if (r.errors.length > 50 || r.errorsTruncated) console.log(`  … và các lỗi khác / and more (${r.failed} in all)`);
    return r.failed ? 1 : 0;
  });
}

registerCommand('import-dossiers', importDossiers, 'như "import dossiers" / same as "import dossiers"');
// `import` is shared by modules: `import dossiers` is handled here, `import <other>` goes to the
// module's own `import-<other>` command (e.g. import-procedures), whichever registered `import` last.
registerCommand('import', async ([kind, ...rest]) => {
  if (kind === 'dossiers') return importDossiers(rest);
  if (kind && /^[a-z-]+$/.test(kind)) return runCli([`import-${kind}`, ...rest]);
  console.error(USAGE);
  return 2;
}, 'nhập dữ liệu: dossiers (NDJSON), procedures … / import data');
