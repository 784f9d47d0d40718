import { createMatcher, type Found, type Matcher } from './agency-match.js';
import { appendLine, classify, cleanLine, isClosing, isSignature, LETTERS, romanValue } from './outline-lines.js';

/** A unit the proposer may match, with every other name the province's alias table gives it. */
export interface MatchableUnit { id: number; name: string; kind: string; parentId: number | null; aliases: readonly string[] }
/** A phrase naming a set of units ("các sở, ban, ngành") → the units it fans out to. */
export interface GroupPhrase { key: string; phrases: readonly string[]; unitIds: readonly number[] }
export interface OutlineLead {
  name: string; unitId: number | null; group?: string; unitIds?: number[];
  /** Set when the item names nobody itself: the lead comes from the preamble's request ("lead-in") or from the item above a sub-item. */
  inheritedFrom?: 'lead-in' | 'item';
}
export interface OutlineSubitem {
  n: string; text: string; leads: OutlineLead[];
  /** Agency names the text opens with that no unit or alias answers to, for the officer to pick a unit or add an alias. */
  unmatched?: string[];
  /** Units named after "phối hợp với" — proposed coordinating units. */
  coordinators?: OutlineLead[];
}
export interface OutlineItem extends OutlineSubitem { subitems: OutlineSubitem[]; part?: string }
export interface Outline { number: string | null; items: OutlineItem[] }

const NUMBER = /\bSố(?:\s+hiệu)?\s*:\s*(\d+(?:\s*\/\s*[A-ZĐ0-9&]+(?:-[A-ZĐ0-9&]+)*){1,2})/u;

type Part = { numeral: string; title: string; body: { text: string }; items: number };
type Draft = OutlineItem & { from: Part | null };

function lead(f: Found, inheritedFrom?: OutlineLead['inheritedFrom']): OutlineLead {
  return { name: f.name, unitId: f.unitId, ...(f.group ? { group: f.group, unitIds: f.unitIds ?? [] } : {}), ...(inheritedFrom ? { inheritedFrom } : {}) };
}

/** Whom a preamble's request addresses: the units and groups after "yêu cầu" in its last paragraph. */
function addressees(intro: string, matcher: Matcher): OutlineLead[] {
  const last = intro.trim().split('\n').pop() ?? '';
  const request = /(?:yêu cầu|đề nghị|chỉ thị)(.*)$/isu.exec(last)?.[1] ?? '';
  return matcher.mentioned(request).map((f) => lead(f, 'lead-in'));
}

const REQUEST = /(?:yêu cầu|đề nghị|giao|chỉ đạo)\s*:\s*/iu;

/**
 * A text with no numbered items at all — an article's summary, a letter that assigns work paragraph
 * by paragraph ("UBND tỉnh yêu cầu: Ban Dân tộc chủ trì…", then "Công an tỉnh…") — is read as one
 * item per paragraph that opens with an agency, from the request on; a paragraph that opens with
 * none goes on the one before.
 */
function unnumbered(text: string, matcher: Matcher): Draft[] {
  const paragraphs = text.split('\n');
  const at = paragraphs.findIndex((p) => REQUEST.test(p));
  if (at < 0) return [];
  const out: Draft[] = [];
  paragraphs.slice(at).forEach((p, k) => {
    const body = (k === 0 ? p.slice(p.search(REQUEST)).replace(REQUEST, '') : p).trim();
    if (!body) return;
    const opens = matcher.leading(body);
    if (opens.found.length || opens.unmatched.length) out.push({ n: String(out.length + 1), text: body, leads: [], subitems: [], from: null });
    else if (out.length) out[out.length - 1]!.text += `\n${body}`;
  });
  return out;
}

/** Leads, unmatched names and coordinators of one item or sub-item; true when it names any agency. */
function fill(x: OutlineSubitem, matcher: Matcher): boolean {
  x.text = x.text.trim();
  const own = matcher.leading(x.text);
  x.leads = own.found.map((f) => lead(f));
  if (own.unmatched.length) x.unmatched = own.unmatched;
  const coordinators = matcher.coordinators(x.text).filter((c) => !own.found.some((f) => f.unitId === c.unitId && f.group === c.group));
  if (coordinators.length) x.coordinators = coordinators.map((f) => lead(f));
  return own.found.length + own.unmatched.length > 0;
}

/**
 * A proposed outline of a directive, plan or official letter: its numbered items, the sub-items of
 * each, and the agencies each falls to — nothing is stored until an officer confirms.
 *
 * - Items "1." or "1)" in sequence, restarting at 1 under each Roman-numbered part ("II." or
 *   "Phần II"), which labels them; a number out of sequence is text ("năm\n2014. …" is not item 2014).
 * - Sub-items "a)" in the Vietnamese order, which skips f (with or without "đ" after "d"), or "1.1.".
 * - Other lines belong to the item above: dash and plus bullets, further paragraphs, hard-wrapped
 *   lines. Before the first item is the preamble; the closing request ("Căn cứ nội dung Chỉ thị…",
 *   "Trên đây là Kế hoạch…"), the recipients and the signature end the body, and so does "./.".
 *   A part with text but no numbered items is one item numbered with its Roman numeral; a text with
 *   no numbered items at all is read paragraph by paragraph (see `unnumbered`).
 * - Leads: the agencies that open the item's sentence ("Sở Nội vụ tham mưu…"), matched by name and
 *   alias, or a group phrase ("các sở, ban, ngành") that fans out. An item that names nobody falls
 *   to whom the request before it addresses ("UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành…"),
 *   and a sub-item that names nobody to its item's leads.
 */
export function proposeOutline(text: string, units: readonly MatchableUnit[], groups: readonly GroupPhrase[] = []): Outline {
  const number = NUMBER.exec(text)?.[1]?.replace(/\s+/g, '') ?? null;
  const matcher = createMatcher(units, groups);
  const items: Draft[] = [];
  const preamble = { text: '' };
  let part: Part | null = null;
  let current: { text: string } = preamble;
  let inItem = false;
  let blank = false;
  let previous = '';

  const label = (p: Part) => (p.title ? `${p.numeral}. ${p.title}` : p.numeral);
  const closePart = () => {
    if (part && !part.items && part.body.text.trim()) {
      items.push({ n: part.numeral, text: part.body.text, leads: [], subitems: [], part: label(part), from: part });
    }
  };
  const numeralValue = (numeral: string) => (/^\d+$/.test(numeral) ? Number(numeral) : romanValue(numeral));

  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = cleanLine(raw);
    const c = classify(line);
    if (c.kind === 'blank') { blank = true; continue; }
    // "./." closes the body: the line that carries it was the last one.
    if (items.length && /\.\/\.$/.test(previous)) break;
    const wasBlank = blank;
    const paragraph = wasBlank || !current.text || /[.:;!?]["”)]?$/.test(previous);
    blank = false;
    previous = line;
    if (items.length && isSignature(line)) break;
    const last = items[items.length - 1];

    if (c.kind === 'part' && numeralValue(c.numeral) === (part ? numeralValue(part.numeral) + 1 : 1)) {
      closePart();
      part = { numeral: c.numeral, title: c.title, body: { text: '' }, items: 0 };
      current = part.body;
      inItem = false;
      continue;
    }
    if (c.kind === 'item') {
      const inPart = part && last?.from === part ? last : null;
      const ok = inPart ? c.n === Number(inPart.n) + 1 : c.n === 1 || (!!last && c.n === Number(last.n) + 1);
      if (ok) {
        items.push({ n: String(c.n), text: c.rest, leads: [], subitems: [], ...(part ? { part: label(part) } : {}), from: part });
        if (part) part.items++;
        current = items[items.length - 1]!;
        inItem = true;
        continue;
      }
    }
    if (c.kind === 'dotted' && inItem && last && String(c.n) === last.n) {
      const prev = last.subitems[last.subitems.length - 1];
      const expected = prev ? (prev.n.includes('.') ? Number(prev.n.split('.')[1]) + 1 : -1) : 1;
      if (c.m === expected) {
        last.subitems.push({ n: `${c.n}.${c.m}`, text: c.rest, leads: [] });
        current = last.subitems[last.subitems.length - 1]!;
        continue;
      }
    }
    if (c.kind === 'letter' && inItem && last) {
      const prev = last.subitems[last.subitems.length - 1];
      const at = prev ? LETTERS.indexOf(prev.n === 'f' ? 'e' : prev.n) : -1;
      // "đ" is optional after "d" (some texts write d), e), others d), đ), e)); a stray "f" after "e" is let through.
      const ok = !prev ? c.letter === 'a'
        : at >= 0 && (c.letter === LETTERS[at + 1] || (prev.n === 'd' && c.letter === 'e') || (prev.n === 'e' && c.letter === 'f'));
      if (ok) {
        last.subitems.push({ n: c.letter, text: c.rest, leads: [] });
        current = last.subitems[last.subitems.length - 1]!;
        continue;
      }
    }
    if (items.length && paragraph && /^\p{Lu}/u.test(line) && isClosing(line)) break;
    // A part heading whose title is on the next line ("II." then "NHIỆM VỤ").
    if (part && current === part.body && !part.title && !part.body.text) { part.title = line; continue; }
    current.text = appendLine(current.text, c.kind === 'bullet' ? c.text : line, wasBlank);
  }
  closePart();
  if (!items.length) items.push(...unnumbered(preamble.text, matcher));

  const fromPreamble = addressees(preamble.text, matcher);
  return {
    number,
    items: items.map(({ from, ...it }) => {
      const names = fill(it, matcher);
      const subNames = it.subitems.map((s) => fill(s, matcher));
      if (!names && !subNames.some(Boolean)) {
        const local = from && from.items ? addressees(from.body.text, matcher) : [];
        it.leads = local.length ? local : fromPreamble;
      }
      it.subitems.forEach((s, i) => {
        if (!subNames[i]) s.leads = it.leads.map((l) => ({ ...l, inheritedFrom: 'item' as const }));
      });
      return it;
    }),
  };
}
