import { registerCommand, withDatabase } from '../../cli.js';
import { sealStoredDossiers } from '../dossiers/personal-data.js';

/**
 * `npx motcua rotate-data-key`: with the new key in MOTCUA_DATA_KEY and the old one in
 * MOTCUA_DATA_KEY_PREVIOUS, re-seals every ID number (dossiers, requests), recomputes their blind
 * indexes and re-seals every uploaded file. Idempotent: run it again after an interruption.
 */
registerCommand('rotate-data-key', () => withDatabase(async (services) => {
  const started = performance.now();
  console.log(`Khóa hiện hành / current key: ${services.dataKeys.currentKeyId}; các khóa đọc được / keys that can open data: ${services.dataKeys.keyIds.join(', ')}`);
  const dossiers = await sealStoredDossiers(services.db, services.dataKeys);
  const requests = await services.privacy.resealRequests();
  const files = await services.files.sealAll();
  console.log(`Đã mã hóa lại / re-sealed: ${dossiers} hồ sơ, ${requests} yêu cầu, ${files} tệp (${Math.round(performance.now() - started)} ms)`);
  console.log('Sau khi chạy xong có thể bỏ MOTCUA_DATA_KEY_PREVIOUS / MOTCUA_DATA_KEY_PREVIOUS may now be removed');
  return 0;
}), 'mã hóa lại dữ liệu cá nhân bằng khóa mới / re-encrypt personal data under MOTCUA_DATA_KEY');

/** `npx motcua retention [--dry-run]`: what is past its retention period; erases identity scans unless --dry-run. */
registerCommand('retention', (args) => withDatabase(async (services) => {
  const dryRun = args.includes('--dry-run');
  const reports = await services.privacy.retention({ dryRun });
  if (!reports.length) console.log('Chưa cấu hình thời hạn lưu trữ / no retention periods configured');
  for (const r of reports) {
    const what = r.action === 'erase_file_content' ? (dryRun ? 'sẽ xóa nội dung / would erase' : `đã xóa nội dung / erased ${r.erased}`) : 'chỉ liệt kê / listed only';
    console.log(`${r.labelVi} (${r.months} tháng, trước ${r.cutoff.slice(0, 10)}): ${r.pastRetention} hết hạn lưu trữ — ${what}`);
    for (const e of r.examples) console.log(`  ${e}`);
  }
  return 0;
}), 'liệt kê bản ghi hết thời hạn lưu trữ (--dry-run: không xóa gì) / records past retention');
