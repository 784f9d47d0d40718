/**
 * Clocks of a complaint (khiếu nại) under the Complaints Law 02/2011/QH13 (consolidated 03/VBHN-VPQH
 * 2021), versioned for the 2025 amending law 136/2025/QH15 (in force 1/7/2026).
 *
 * Every period of the 2011 law is written in plain "ngày" (days), never "ngày làm việc": the quoted
 * article texts read "Trong thời hạn 10 ngày…" (art. 27), "không quá 30 ngày, kể từ ngày thụ lý"
 * (art. 28), "không quá 45 ngày" (art. 37), "90 ngày, kể từ ngày nhận được…" (art. 9). So they are
 * calendar days, ending on the next working day when the last day is a day off (calendar.ts).
 * Sources [S]: thuvienphapluat.vn/hoi-dap-phap-luat/83A1FC5-hd-thoi-han-thu-ly-giai-quyet-khieu-nai-…
 * (arts 28, 37 quoted), thuvienphapluat.vn/phap-luat/thoi-gian-thu-ly-don-khieu-nai-…-130377-4816.html
 * (art. 27 quoted), khdlaw.vn/thoi-hieu-khieu-nai-theo-quy-dinh-phap-luat/ (art. 9 quoted).
 * Conflict noted: a copy of a published administrative-procedure sheet (vh2.com.vn, machine-rewritten)
 * gives acceptance as "10 working days"; the law's own words win, and `acceptance.kind` is data.
 *
 * Which rule set a clock uses: the set in force on the day the clock starts — receipt for acceptance,
 * acceptance (thụ lý) for resolution, the day the complainant received or learned of the decision for
 * the limitation, the first-instance decision or deadline for the second complaint. Precedent: the
 * Denunciations Law 2018 kept denunciations accepted before its effective date under the 2011 law
 * (luatducthanh.com/luat-to-cao-2018.html [S]); Law 136/2025's own transitional article was not read.
 */
import { calendarDays, periodEnd, type DayInterval, type IsoDay, type IsWorkingDay, type Period } from './calendar.js';
import { checkVersions, versionOn, type RuleVersion } from './versions.js';

/** A resolution period by case: normal, complex, and the same in a remote area (vùng sâu, vùng xa đi lại khó khăn). */
export type ResolutionPeriods = { readonly normal: Period; readonly complex: Period; readonly remote: Period; readonly remoteComplex: Period };

export type ComplaintRules = {
  /** Art. 27: accept (thụ lý) or refuse with reasons, from receipt. */
  readonly acceptance: Period;
  /** Art. 28: first instance, from acceptance. */
  readonly firstInstance: ResolutionPeriods;
  /** Art. 37: second instance, from acceptance. */
  readonly secondInstance: ResolutionPeriods;
  /** Art. 9: limitation, from receiving or learning of the decision or act. */
  readonly limitation: Period;
  /** Art. 33: window for the second complaint after the first-instance decision or its deadline. */
  readonly secondComplaint: { readonly normal: Period; readonly remote: Period };
};

const LAW_2011: ComplaintRules = {
  acceptance: calendarDays(10),
  firstInstance: { normal: calendarDays(30), complex: calendarDays(45), remote: calendarDays(45), remoteComplex: calendarDays(60) },
  secondInstance: { normal: calendarDays(45), complex: calendarDays(60), remote: calendarDays(60), remoteComplex: calendarDays(70) },
  limitation: calendarDays(90),
  secondComplaint: { normal: calendarDays(30), remote: calendarDays(45) },
};

export const COMPLAINT_RULES: readonly RuleVersion<ComplaintRules>[] = checkVersions([
  {
    effectiveFrom: '2012-07-01',
    source: 'Luật Khiếu nại 02/2011/QH13 arts 9, 27, 28, 33, 37 (VBHN 03/VBHN-VPQH 2021)',
    confidence: 'S',
    verified: true,
    note: 'Article texts read as quoted by law portals, not from the Official Gazette; art. 33 (second complaint) from luathoangthanh.vn.',
    rules: LAW_2011,
  },
  {
    effectiveFrom: '2026-07-01',
    source: 'Luật 136/2025/QH15 (10/12/2025) amending the Complaints Law',
    confidence: '?',
    verified: false,
    // A copy of the 2011 periods, kept so that the switch on 1/7/2026 already works. The news of the
    // vote (kienthuc.net.vn, 10/12/2025) lists withdrawal of complaints, grounds for suspension and the
    // cipher inspectorate, and no change of period; whether arts 9, 27, 28, 33, 37 were amended, and
    // what the transitional article says, is unknown until the text is read (thuviennhadat.vn has it).
    note: 'Placeholder: content of the amendment not read; periods copied from the 2011 law.',
    rules: LAW_2011,
  },
]);

export function complaintRulesOn(day: IsoDay, table: readonly RuleVersion<ComplaintRules>[] = COMPLAINT_RULES): RuleVersion<ComplaintRules> {
  return versionOn(table, day);
}

/** A computed deadline with the rule set it came from, so the UI can say which law and how sure. */
export type Clock = { readonly dueOn: IsoDay; readonly period: Period; readonly rulesFrom: IsoDay; readonly verified: boolean };

type Table = readonly RuleVersion<ComplaintRules>[];

function clock(startOn: IsoDay, pick: (r: ComplaintRules) => Period, isWorking: IsWorkingDay, table: Table, excluded: readonly DayInterval[] = []): Clock {
  const version = versionOn(table, startOn);
  const period = pick(version.rules);
  return { dueOn: periodEnd(startOn, period, isWorking, { excluded }), period, rulesFrom: version.effectiveFrom, verified: version.verified };
}

export type Instance = 'first' | 'second';
export type Circumstances = { readonly complex?: boolean; readonly remote?: boolean };

function resolutionPeriod(periods: ResolutionPeriods, c: Circumstances): Period {
  if (c.remote) return c.complex ? periods.remoteComplex : periods.remote;
  return c.complex ? periods.complex : periods.normal;
}

/** Last day to accept or refuse a complaint received on `receivedOn`. */
export function acceptanceDue(receivedOn: IsoDay, isWorking: IsWorkingDay, table: Table = COMPLAINT_RULES): Clock {
  return clock(receivedOn, (r) => r.acceptance, isWorking, table);
}

/** Last day to decide a complaint accepted on `acceptedOn`. */
export function resolutionDue(
  c: Circumstances & { readonly instance: Instance; readonly acceptedOn: IsoDay },
  isWorking: IsWorkingDay,
  table: Table = COMPLAINT_RULES,
): Clock {
  return clock(c.acceptedOn, (r) => resolutionPeriod(c.instance === 'first' ? r.firstInstance : r.secondInstance, c), isWorking, table);
}

/**
 * Last day to lodge a complaint about a decision or act received or learned of on `learnedOn`.
 * Illness, disaster, a posting far away or another objective obstacle stop the clock (art. 9 second
 * sentence, khdlaw.vn [S]): pass those days as `obstacles`.
 */
export function limitationEnd(
  c: { readonly learnedOn: IsoDay; readonly obstacles?: readonly DayInterval[] },
  isWorking: IsWorkingDay,
  table: Table = COMPLAINT_RULES,
): Clock {
  return clock(c.learnedOn, (r) => r.limitation, isWorking, table, c.obstacles);
}

/** A complaint lodged on `lodgedOn` is within the limitation when lodged on or before its last day. */
export function withinLimitation(lodgedOn: IsoDay, c: { readonly learnedOn: IsoDay; readonly obstacles?: readonly DayInterval[] }, isWorking: IsWorkingDay, table: Table = COMPLAINT_RULES): boolean {
  return lodgedOn <= limitationEnd(c, isWorking, table).dueOn;
}

/**
 * Last day for a second complaint. The window opens with the day the first-instance decision was
 * received, or — when no decision came — with the first-instance deadline (the day it ended, which is
 * itself not counted).
 */
export function secondComplaintDue(
  c: { readonly openedOn: IsoDay; readonly remote?: boolean },
  isWorking: IsWorkingDay,
  table: Table = COMPLAINT_RULES,
): Clock {
  return clock(c.openedOn, (r) => (c.remote ? r.secondComplaint.remote : r.secondComplaint.normal), isWorking, table);
}
