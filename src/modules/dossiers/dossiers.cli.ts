import { registerCommand, withDatabase } from '../../cli.js';
import { systemContext } from '../../platform/http/context.js';
import type { ChainProblem } from './rules/hash-chain.js';

const PROBLEM_WORDS: Record<ChainProblem['problem'], string> = {
  hash_mismatch: 'bị sửa nội dung',
  broken_link: 'đứt liên kết',
  gap: 'bị xóa',
  mac_mismatch: 'mã băm bị tính lại không có khóa',
  length_mismatch: 'số sự kiện khác phiên bản hồ sơ',
  head_mismatch: 'đầu chuỗi không khớp chữ ký (sự kiện bị xóa, thêm hoặc tính lại)',
  unanchored: 'chưa được ký neo (chạy verify-audit --anchor)',
  projection_mismatch: 'dòng hồ sơ khác trạng thái tính từ sự kiện',
};

function describeProblem(p: ChainProblem): string {
  return `sự kiện #${p.seq} ${PROBLEM_WORDS[p.problem]}${p.field ? ` (${p.field})` : ''}`;
}

/**
 * `npx motcua verify-audit`: recomputes every dossier's hash chain, its signed head and its projection,
 * and lists what was altered. `--anchor` first signs the heads of dossiers written before migration
 * 0011 whose chains verify (once, after upgrading).
 */
registerCommand('verify-audit', (args) => withDatabase(async (services) => {
  const started = performance.now();
  if (args.includes('--anchor')) {
    const a = await services.dossiers.anchorUnanchored(systemContext('cli-verify-audit'));
    console.log(`Đã ký neo / anchored: ${a.anchored} hồ sơ`);
    for (const r of a.refused) console.log(`${r.code}: không ký neo / not anchored: ${r.problems.map(describeProblem).join('; ')}`);
  }
  const result = await services.dossiers.verifyAll((n) => { if (n % 500 === 0) process.stdout.write(`\rĐã kiểm tra / checked: ${n}`); });
  process.stdout.write('\n');
  for (const b of result.broken) console.log(`${b.code}: ${b.problems.map(describeProblem).join('; ')}`);
  console.log(`${result.checked} hồ sơ, ${result.broken.length} hồ sơ có lịch sử bị thay đổi / dossiers with altered history (${Math.round(performance.now() - started)} ms)`);
  return result.broken.length ? 3 : 0;
}), 'kiểm tra chuỗi băm lịch sử hồ sơ [--anchor] / verify every dossier history hash chain');

/**
 * `npx motcua archive-dossiers [--status]` (also `npm run archive-dossiers`): moves the closed dossiers
 * due for the archive, as the nightly job does, batch by batch, then lists the history's partitions.
 * `--status` only counts.
 */
registerCommand('archive-dossiers', (args) => withDatabase(async (services) => {
  const ctx = systemContext('cli-archive-dossiers');
  if (!args.includes('--status')) {
    const started = performance.now();
    let moved = 0;
    const r = await services.archive.run(ctx, { onBatch: (b) => { moved += b.dossiers; process.stdout.write(`\rĐã chuyển / moved: ${moved}`); } });
    if (moved) process.stdout.write('\n');
    const ms = Math.round(performance.now() - started);
    console.log(`${r.dossiers} hồ sơ (${r.events} sự kiện) kết thúc trước ${r.cutoff} đã chuyển sang kho lưu trữ trong ${r.batches} lô / dossiers closed before the cutoff moved to the archive (${ms} ms${r.dossiers ? `, ${Math.round((r.dossiers / ms) * 1000)}/s` : ''})`);
  }
  const s = await services.archive.status(ctx);
  console.log(`Thời hạn / period: ${s.afterYears} năm; đến hạn / due: ${s.due.n}${s.due.more ? '+' : ''}; đã lưu trữ / archived: ${s.archived}`);
  for (const p of s.partitions) console.log(`  ${p.partition}: ~${p.events} sự kiện, ${(p.bytes / 1_048_576).toFixed(1)} MB`);
  return 0;
}), 'chuyển hồ sơ đã kết thúc quá thời hạn sang kho lưu trữ [--status] / move closed dossiers past the archive period to the archive');
