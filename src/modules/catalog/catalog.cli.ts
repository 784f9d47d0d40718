import { existsSync } from 'node:fs';
import { registerCommand, runCli, withDatabase } from '../../cli.js';

const USAGE = 'Cách dùng / usage: npx motcua import procedures <tệp.json|tệp.xlsx>';

/**
 * `npx motcua import procedures <file>`: imports a catalogue file (JSON motcua.catalog/v1 or the
 * XLSX template) in one transaction, printing progress, then the counts or every error.
 */
async function importProcedures(file: string | undefined): Promise<number> {
  if (!file) {
    console.error(USAGE);
    return 2;
  }
  if (!existsSync(file)) {
    console.error(`Không tìm thấy tệp / file not found: ${file}`);
    return 2;
  }
  return withDatabase(async (services) => {
    const started = performance.now();
    const report = await services.catalog.importPath(file, (e) => console.log(`… ${e.message}`));
    const ms = Math.round(performance.now() - started);
    if (!report.applied) {
      console.log(`Không nhập / nothing imported: ${report.errors.length} lỗi / errors (${ms} ms)`);
      for (const e of report.errors) console.log(`  ${e.sheet ? `${e.sheet}, ` : ''}dòng ${e.row}${e.field ? ` [${e.field}]` : ''}: ${e.message}`);
      return 1;
    }
    console.log(`Xong / done: ${report.created} mới / created, ${report.updated} cập nhật / updated, ${report.unchanged} không đổi / unchanged (${ms} ms)`);
    return 0;
  });
}

// `import` is shared by modules (`import dossiers`, `import procedures`…): whichever module registered
// it last, `import <kind>` reaches that module's own `import-<kind>` command.
registerCommand('import-procedures', async ([file]) => importProcedures(file), 'như "import procedures" / same as "import procedures"');
registerCommand('import', async ([kind, ...rest]) => {
  if (kind === 'procedures') return importProcedures(rest[0]);
  if (kind && /^[a-z-]+$/.test(kind)) return runCli([`import-${kind}`, ...rest]);
  console.error(USAGE);
  return 2;
}, 'nhập dữ liệu: procedures (JSON/XLSX), dossiers … / import data');
