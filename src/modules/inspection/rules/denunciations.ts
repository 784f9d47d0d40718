/**
 * Clocks of a denunciation (tố cáo) under the Denunciations Law 25/2018/QH14 (in force 1/1/2019),
 * versioned for the 2025 amending law 136/2025/QH15 (in force 1/7/2026).
 *
 * - Resolution (art. 30): at most 30 days from acceptance (thụ lý); a complex case may be extended once
 *   by at most 30 days, an especially complex one twice by at most 30 days each; each extension is a
 *   written decision notified to the parties. Quoted in full by thuvienphapluat.vn
 *   (hoi-dap-phap-luat/iframe/451C1-hd-thoi-han-giai-quyet-to-cao-la-bao-lau.html) and
 *   luatsubaoho.com (thoi-han-giai-quyet-to-cao-toi-da-la-bao-lau) [S]. Plain "ngày": calendar days.
 *   An extension adds its days to the running period: the end is counted from acceptance over the
 *   sum of days, and moved off a day off only once, at the very end (calendar.ts).
 * - Intake (art. 24(1), from memory of the text, not found in any source we could read) [?]: within 7
 *   working days of receipt the body records, classifies and checks the conditions for acceptance;
 *   up to 10 working days when checks are needed at several places. Kept as data.
 *
 * Which rule set: the one in force on the day the clock starts — receipt for intake, acceptance for
 * resolution and its extensions (the 2018 law's own transitional rule kept denunciations accepted
 * before it under the old law: luatducthanh.com/luat-to-cao-2018.html [S]).
 */
import { calendarDays, periodEnd, workingDays, type IsoDay, type IsWorkingDay, type Period } from './calendar.js';
import type { Clock } from './complaints.js';
import { checkVersions, versionOn, type RuleVersion } from './versions.js';

export type Complexity = 'normal' | 'complex' | 'especially_complex';

export type DenunciationRules = {
  readonly intake: { readonly normal: Period; readonly severalPlaces: Period };
  readonly resolution: Period;
  /** The longest one extension may be. */
  readonly extensionMaxDays: number;
  readonly maxExtensions: Readonly<Record<Complexity, number>>;
};

const LAW_2018: DenunciationRules = {
  intake: { normal: workingDays(7), severalPlaces: workingDays(10) },
  resolution: calendarDays(30),
  extensionMaxDays: 30,
  maxExtensions: { normal: 0, complex: 1, especially_complex: 2 },
};

export const DENUNCIATION_RULES: readonly RuleVersion<DenunciationRules>[] = checkVersions([
  {
    effectiveFrom: '2019-01-01',
    source: 'Luật Tố cáo 25/2018/QH14 art. 30 (resolution) [S]; art. 24(1) (intake) [?]',
    confidence: 'S',
    verified: true,
    note: 'The intake periods (7/10 working days) are unverified; the resolution periods are quoted by two law portals.',
    rules: LAW_2018,
  },
  {
    effectiveFrom: '2026-07-01',
    source: 'Luật 136/2025/QH15 (10/12/2025) amending the Denunciations Law',
    confidence: '?',
    verified: false,
    // Copy of the 2018 periods. What the vote's coverage names for denunciations (kienthuc.net.vn,
    // 10/12/2025): ending protection of a denouncer who breaks their duties, the denouncer's identity,
    // a database and digital handling — no period. Whether arts 24 and 30 changed is unknown.
    note: 'Placeholder: content of the amendment not read; periods copied from the 2018 law.',
    rules: LAW_2018,
  },
]);

type Table = readonly RuleVersion<DenunciationRules>[];

export function denunciationRulesOn(day: IsoDay, table: Table = DENUNCIATION_RULES): RuleVersion<DenunciationRules> {
  return versionOn(table, day);
}

/** Last day to record, classify and decide whether to accept a denunciation received on `receivedOn`. */
export function intakeDue(c: { readonly receivedOn: IsoDay; readonly severalPlaces?: boolean }, isWorking: IsWorkingDay, table: Table = DENUNCIATION_RULES): Clock {
  const v = versionOn(table, c.receivedOn);
  const period = c.severalPlaces ? v.rules.intake.severalPlaces : v.rules.intake.normal;
  return { dueOn: periodEnd(c.receivedOn, period, isWorking), period, rulesFrom: v.effectiveFrom, verified: v.verified };
}

/** Why a list of extensions is not allowed for the case, or null when it is. */
export function extensionProblem(complexity: Complexity, extensions: readonly number[], rules: DenunciationRules): string | null {
  const allowed = rules.maxExtensions[complexity];
  if (extensions.length > allowed) return `a ${complexity.replace('_', ' ')} case allows ${allowed} extension(s), got ${extensions.length}`;
  const bad = extensions.find((d) => !Number.isInteger(d) || d < 1 || d > rules.extensionMaxDays);
  if (bad !== undefined) return `an extension is 1 to ${rules.extensionMaxDays} days, got ${bad}`;
  return null;
}

/**
 * Last day to conclude a denunciation accepted on `acceptedOn`, given the extensions decided so far
 * (days of each). Throws when the extensions exceed what the case's complexity allows: the service
 * must refuse such a decision rather than compute a date the law does not give.
 */
export function resolutionDue(
  c: { readonly acceptedOn: IsoDay; readonly complexity: Complexity; readonly extensions?: readonly number[] },
  isWorking: IsWorkingDay,
  table: Table = DENUNCIATION_RULES,
): Clock {
  const v = versionOn(table, c.acceptedOn);
  const extensions = c.extensions ?? [];
  const problem = extensionProblem(c.complexity, extensions, v.rules);
  if (problem) throw new Error(problem);
  const days = v.rules.resolution.days + extensions.reduce((a, b) => a + b, 0);
  const period: Period = { days, kind: v.rules.resolution.kind };
  return { dueOn: periodEnd(c.acceptedOn, period, isWorking), period, rulesFrom: v.effectiveFrom, verified: v.verified };
}

/** The latest day the law could allow: every permitted extension taken in full. */
export function longestResolutionDue(c: { readonly acceptedOn: IsoDay; readonly complexity: Complexity }, isWorking: IsWorkingDay, table: Table = DENUNCIATION_RULES): Clock {
  const rules = versionOn(table, c.acceptedOn).rules;
  const extensions = Array.from({ length: rules.maxExtensions[c.complexity] }, () => rules.extensionMaxDays);
  return resolutionDue({ ...c, extensions }, isWorking, table);
}
