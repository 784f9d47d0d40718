import { registerCommand, withDatabase } from '../../cli.js';

/**
 * `npx motcua rebuild-read-models`: the reports' read model folded again from every dossier's events
 * (after an upgrade that added it, or to check it: the figures must not change).
 */
registerCommand('rebuild-read-models', () => withDatabase(async (services) => {
  const r = await services.reports.rebuild((n) => { if (n % 10_000 === 0) process.stdout.write(`\rĐã dựng lại / rebuilt: ${n}`); });
  process.stdout.write('\n');
  console.log(`Đã dựng lại số liệu báo cáo của ${r.dossiers} hồ sơ / report read model rebuilt for ${r.dossiers} dossiers (${r.ms} ms)`);
  return 0;
}), 'dựng lại số liệu báo cáo từ lịch sử hồ sơ / rebuild the report read model from the dossier events');
