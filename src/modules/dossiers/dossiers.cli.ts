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
