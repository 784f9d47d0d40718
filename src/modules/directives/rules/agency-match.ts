/**
 * Agency names as people write them, matched without regard to diacritics, case, punctuation or
 * the "và" between words: "Đài Phát thanh - Truyền hình tỉnh" is "Đài Phát thanh và Truyền hình
 * tỉnh", "Ủy" is the older spelling with the mark on the y, and "Ủy ban nhân dân" is "UBND".
 */

/** A word of a text, folded for comparison, with where it stands in the text. */
export interface Word { key: string; start: number; end: number; capital: boolean; gap: string }

/** What a name stands for: one unit, or a group phrase that fans out to several. */
export interface Target { unitId: number | null; group?: string; unitIds?: number[] }
export interface Found extends Target { name: string }

interface Entry extends Target { keys: string[]; derived: boolean; ambiguous: boolean }

export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

const COLLAPSE: readonly [readonly string[], string][] = [[['uy', 'ban', 'nhan', 'dan'], 'ubnd'], [['hoi', 'dong', 'nhan', 'dan'], 'hdnd']];

export function words(text: string): Word[] {
  const out: Word[] = [];
  let last = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    out.push({ key: fold(m[0]), start: m.index, end: m.index + m[0].length, capital: /^\p{Lu}/u.test(m[0]), gap: text.slice(last, m.index) });
    last = m.index + m[0].length;
  }
  for (let i = 0; i < out.length; i++) {
    for (const [seq, key] of COLLAPSE) {
      if (seq.every((w, k) => out[i + k]?.key === w)) out.splice(i, seq.length, { ...out[i]!, key, end: out[i + seq.length - 1]!.end });
    }
  }
  return out;
}

const keysOf = (name: string) => words(name).map((w) => w.key).filter((k) => k !== 'va');

/** The head of an agency, not the agency: "Thủ trưởng các sở…", "Giám đốc Sở Nội vụ", "Giao Sở Tư pháp…". */
const TITLES = [
  'pho chu tich', 'chu tich', 'pho giam doc', 'giam doc', 'thu truong', 'nguoi dung dau', 'lanh dao', 'chanh',
  'giao cho', 'giao', 'de nghi', 'yeu cau', 'trach nhiem cua', 'doi voi',
].map((t) => t.split(' '));
const HEADS = TITLES.slice(0, 8);
/** Words that open an agency's name: "Sở …", "Đài …", "Thanh tra tỉnh", "Bộ Chỉ huy Quân sự tỉnh". */
const KINDS = [
  'so', 'ban', 'dai', 'bao', 'cong', 'van phong', 'thanh tra', 'cong an', 'bo chi huy', 'ubnd', 'hdnd', 'uy ban', 'cuc', 'chi cuc',
  'trung tam', 'kho bac', 'ngan hang', 'bao hiem xa hoi', 'lien doan', 'hoi', 'tinh doan', 'doan', 'truong', 'vien', 'benh vien',
  'phong', 'bo', 'toa an', 'vien kiem sat', 'mat tran', 'tinh uy',
].map((t) => t.split(' ')).sort((a, b) => b.length - a.length);
/** Lower-case words that end a name: the verb after it ("Sở Y tế phối hợp…", "… chịu trách nhiệm"), a preposition. */
const STOP = [
  'chu tri', 'phoi hop', 'tham muu', 'chiu', 'co', 'thuc hien', 'trien khai', 'tiep tuc', 'tang cuong', 'huong dan', 'theo doi',
  'don doc', 'kiem tra', 'to chuc', 'xay dung', 'ra soat', 'bao cao', 'bao dam', 'dam bao', 'day manh', 'nghien cuu', 'bo tri',
  'chi dao', 'thuong xuyen', 'khan truong', 'nang cao', 'cap nhat', 'quan triet', 'tong hop', 'phu trach', 'sua doi', 'hoan thanh',
  'tuyen truyen', 'xu ly', 'giai quyet', 'ket hop', 'yeu cau', 'ban hanh', 'gui', 'trinh', 'la', 'duoc', 'can', 'phai', 'cac', 'tren',
  'tai', 've', 'de', 'voi', 'cua', 'trong', 'nghiem', 'lam', 'giao', 'se', 'da', 'dang', 'nham', 'cung', 'moi', 'khong', 'chua',
].map((t) => t.split(' '));
/** After a name taken without its "tỉnh …" ending, a word that shows a different level is meant ("Văn phòng UBND huyện"). */
const LEVEL = new Set(['huyen', 'xa', 'phuong', 'quan', 'thi', 'thanh', 'cac', 'cap']);
const PLACE = new Set(['tinh', 'huyen', 'xa', 'phuong', 'quan', 'ubnd', 'hdnd']);

const startsWith = (ws: readonly Word[], i: number, seq: readonly string[]) => seq.every((k, n) => ws[i + n]?.key === k);

export interface Matcher {
  /** The agencies a sentence opens with — whom it falls to — and the names there that match no unit. */
  leading(text: string): { found: Found[]; unmatched: string[] };
  /** Every unit or group named anywhere in a text, in order. */
  mentioned(text: string): Found[];
  /** The units named right after "phối hợp (với)" — candidates for the coordinating units. */
  coordinators(text: string): Found[];
}

/**
 * A matcher over the province's units and group phrases. A unit is found by its name and by every
 * alias (a merged department's old name, a short form), and a name ending in "tỉnh <Province>" also
 * by its shorter forms ("Sở Nội vụ tỉnh Lai Châu" by "Sở Nội vụ tỉnh" and "Sở Nội vụ"). One name
 * that two units answer to matches neither: the officer picks.
 */
export function createMatcher(
  units: readonly { id: number; name: string; aliases: readonly string[] }[],
  groups: readonly { key: string; phrases: readonly string[]; unitIds: readonly number[] }[],
): Matcher {
  const byKey = new Map<string, Entry>();
  const add = (keys: string[], target: Target, derived: boolean) => {
    if (!keys.length) return;
    const k = keys.join(' ');
    const old = byKey.get(k);
    if (!old || (old.derived && !derived)) { byKey.set(k, { keys, ...target, derived, ambiguous: false }); return; }
    if (old.derived === derived && (old.unitId !== target.unitId || old.group !== target.group)) old.ambiguous = true;
  };
  for (const u of units) {
    for (const name of [u.name, ...u.aliases]) {
      const keys = keysOf(name);
      add(keys, { unitId: u.id }, false);
      const t = keys.indexOf('tinh');
      if (t >= 2 && t < keys.length - 1) add(keys.slice(0, t + 1), { unitId: u.id }, true);
      if (t >= 3) add(keys.slice(0, t), { unitId: u.id }, true);
    }
  }
  for (const g of groups) for (const p of g.phrases) add(keysOf(p), { unitId: null, group: g.key, unitIds: [...g.unitIds] }, false);
  const byFirst = new Map<string, Entry[]>();
  for (const e of byKey.values()) byFirst.set(e.keys[0]!, [...(byFirst.get(e.keys[0]!) ?? []), e]);
  for (const list of byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length);

  /** The longest name at word i, skipping a "và" inside it; the index after it. */
  function matchAt(ws: readonly Word[], i: number): { entry: Entry; end: number } | null {
    for (const e of byFirst.get(ws[i]?.key ?? '') ?? []) {
      let j = i;
      let ok = true;
      for (const k of e.keys) {
        while (j > i && ws[j]?.key === 'va') j++;
        if (ws[j]?.key !== k) { ok = false; break; }
        j++;
      }
      if (!ok) continue;
      if (e.derived && LEVEL.has(ws[j]?.key ?? '') && !/[,;:.(]/.test(ws[j]!.gap)) continue;
      return { entry: e, end: j };
    }
    return null;
  }

  /** A name that has the shape of an agency's ("Sở Y tế", "Báo Lai Châu") though no unit answers to it. */
  function shapeAt(ws: readonly Word[], i: number): number | null {
    if (!ws[i]?.capital) return null;
    const kind = KINDS.find((k) => startsWith(ws, i, k));
    if (!kind) return null;
    let j = i + kind.length;
    const next = ws[j];
    if (!next || /[^\s\-–]/.test(next.gap) || !(next.capital || PLACE.has(next.key))) return null;
    for (j++; j < ws.length && j - i < 12; j++) {
      const w = ws[j]!;
      if (w.capital && KINDS.some((k) => startsWith(ws, j, k))) break;
      if (/[;:.()!?"“”]/.test(w.gap)) break;
      // "Sở Văn hóa, Thể thao và Du lịch" goes on past its comma; "…, Chủ tịch UBND…" does not.
      if (/,/.test(w.gap) && (!w.capital || HEADS.some((t) => startsWith(ws, j, t)))) break;
      if (w.key === 'va') { if (!ws[j + 1]?.capital || KINDS.some((k) => startsWith(ws, j + 1, k))) break; continue; }
      if (!w.capital && STOP.some((t) => startsWith(ws, j, t))) break;
    }
    return j;
  }

  const found = (text: string, ws: readonly Word[], e: Entry, i: number, end: number): Found => ({
    name: text.slice(ws[i]!.start, ws[end - 1]!.end), unitId: e.unitId, ...(e.group ? { group: e.group, unitIds: e.unitIds ?? [] } : {}),
  });

  function listAt(text: string, ws: readonly Word[], start: number, withShapes: boolean): { found: Found[]; unmatched: string[] } {
    const out: Found[] = [];
    const unmatched: string[] = [];
    let i = start;
    for (;;) {
      for (let skipped = true; skipped;) {
        skipped = false;
        while (ws[i]?.key === 'va') i++;
        const t = TITLES.find((s) => startsWith(ws, i, s)) ?? (ws[i]?.key === 'truong' && ws[i + 1]?.key === 'ban' ? ['truong'] : null);
        if (t) { i += t.length; skipped = true; }
      }
      const m = matchAt(ws, i);
      if (m && !m.entry.ambiguous) {
        const f = found(text, ws, m.entry, i, m.end);
        if (!out.some((o) => o.unitId === f.unitId && o.group === f.group)) out.push(f);
        i = m.end;
        continue;
      }
      const end = withShapes ? (m ? m.end : shapeAt(ws, i)) : null;
      if (end === null) break;
      unmatched.push(text.slice(ws[i]!.start, ws[end - 1]!.end));
      i = end;
    }
    return { found: out, unmatched };
  }

  return {
    leading(text) {
      return listAt(text, words(text), 0, true);
    },
    mentioned(text) {
      const ws = words(text);
      const out: Found[] = [];
      for (let i = 0; i < ws.length;) {
        const m = matchAt(ws, i);
        if (!m || m.entry.ambiguous) { i++; continue; }
        const f = found(text, ws, m.entry, i, m.end);
        if (!out.some((o) => o.unitId === f.unitId && o.group === f.group)) out.push(f);
        i = m.end;
      }
      return out;
    },
    coordinators(text) {
      const ws = words(text);
      const out: Found[] = [];
      for (let i = 0; i < ws.length - 1; i++) {
        if (ws[i]!.key !== 'phoi' || ws[i + 1]!.key !== 'hop') continue;
        let j = i + 2;
        if (startsWith(ws, j, ['chat', 'che'])) j += 2;
        if (ws[j]?.key === 'voi' || ws[j]?.key === 'cung') j++;
        for (const f of listAt(text, ws, j, false).found) if (!out.some((o) => o.unitId === f.unitId && o.group === f.group)) out.push(f);
      }
      return out;
    },
  };
}
