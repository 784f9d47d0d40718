import { registerCommand, withDatabase } from '../../cli.js';

/** `npx motcua verify-audit`: recomputes every dossier's hash chain and lists what was altered. */
registerCommand('verify-audit', () => withDatabase(async (services) => {
  const started = performance.now();
  const result = await services.dossiers.verifyAll((n) => process.stdout.write(`\rĐã kiểm tra / checked: ${n}`));
  process.stdout.write('\n');
  for (const b of result.broken) {
    console.log(`${b.code}: ${b.problems.map((p) => `sự kiện #${p.seq} ${p.problem === 'hash_mismatch' ? 'bị sửa nội dung' : p.problem === 'gap' ? 'bị xóa' : 'đứt liên kết'}`).join('; ')}`);
  }
  console.log(`${result.checked} hồ sơ, ${result.broken.length} hồ sơ có lịch sử bị thay đổi / dossiers with altered history (${Math.round(performance.now() - started)} ms)`);
  return result.broken.length ? 3 : 0;
}), 'kiểm tra chuỗi băm lịch sử hồ sơ / verify every dossier history hash chain');
