import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildYear, parseNoticeFile, WorkCalendar, type HoursFile } from '../../../calendar/rules/index.js';
import { findVersionInForce } from '../../../catalog/rules/version-status.js';
import { catalogFileSchema, type Procedure, type ProcedureContent } from '../../../catalog/schema.js';
import type { GenUnit } from './index.js';
import type { WorkAccount } from './queue-work.js';

const DEMO_DIR = fileURLToPath(new URL('../../../../../demo/', import.meta.url));

/** Every version of every procedure of the demo catalogue (demo/procedures/*.json). */
export function demoCatalogue(): Procedure[] {
  const dir = `${DEMO_DIR}procedures/`;
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .flatMap((f) => catalogFileSchema.parse(JSON.parse(readFileSync(dir + f, 'utf8'))).procedures);
}

/** The demo catalogue, each procedure as the version in force on `date`. */
export function demoProcedures(date: string, all: Procedure[] = demoCatalogue()): ProcedureContent[] {
  const codes = [...new Set(all.map((p) => p.code))];
  return codes.flatMap((code) => {
    const found = findVersionInForce(all.filter((p) => p.code === code).map((p) => ({ ...p.version, procedure: p })), date);
    if (!found) return [];
    const { version: _v, ...content } = found.procedure;
    return [content as ProcedureContent];
  });
}

/** The demo province's org tree (demo/org/units.json). */
export function demoUnits(): GenUnit[] {
  return (JSON.parse(readFileSync(`${DEMO_DIR}org/units.json`, 'utf8')) as { units: GenUnit[] }).units;
}

/** How busy and how punctual each demo commune and department is (demo/org/activity.json): made-up figures for the generator. */
export type DemoActivity = {
  communes: Record<string, { population: number; demoBoost?: number; late: number }>;
  departments: Record<string, { late: number }>;
};

export function demoActivity(): DemoActivity {
  return JSON.parse(readFileSync(`${DEMO_DIR}org/activity.json`, 'utf8')) as DemoActivity;
}

/**
 * The generator's volume by desk and late share by unit from the activity file: each commune's
 * one-stop desk (its service centre) receives in proportion to the commune's population (times a
 * boost where the demo accounts sit); late shares are keyed by commune and department code.
 */
export function demoWorkload(units: GenUnit[], activity: DemoActivity = demoActivity()): { deskWeight: Record<string, number>; lateShare: Record<string, number> } {
  const deskWeight: Record<string, number> = {};
  for (const u of units) {
    const c = u.kind === 'service_centre' && u.parentCode ? activity.communes[u.parentCode] : undefined;
    if (c) deskWeight[u.code] = c.population * (c.demoBoost ?? 1);
  }
  const lateShare = Object.fromEntries([...Object.entries(activity.communes), ...Object.entries(activity.departments)].map(([code, a]) => [code, a.late]));
  return { deskWeight, lateShare };
}

/** The named demo accounts (demo/org/accounts.json) that work dossiers, as actors, by badge number, with their roles. */
export function demoAccountStaff(): WorkAccount[] {
  // Those who work dossiers (desk, specialist, head); the administrator, the auditor, HR officers and the
  // inspectorate (its accounts say `worksDossiers: false`: the Inspectorate publishes no procedure) do not.
  return demoAccounts().filter((a) => a.worksDossiers && a.roles.some(([r]) => r === 'desk_officer' || r === 'specialist' || r === 'unit_head'));
}

/** Every named demo account (demo/org/accounts.json), the administrator and the auditor included. */
export function demoAccounts(): WorkAccount[] {
  const file = JSON.parse(readFileSync(`${DEMO_DIR}org/accounts.json`, 'utf8')) as { accounts: { username: string; fullName: string; unitCode: string; badgeNumber: string; roles: [string, string][]; worksDossiers?: boolean }[] };
  return file.accounts.map((a) => ({ username: a.username, name: a.fullName, badge: a.badgeNumber, unitCode: a.unitCode, roles: a.roles, worksDossiers: a.worksDossiers !== false }));
}

/**
 * The demo province calendar (demo/calendar: office hours and each year's holiday notices over the
 * Labour Code defaults) for the given years — what the calendar module loads into the demo
 * database, so generated times line up with the due dates the importer computes there.
 */
export function demoCalendar(years: number[]): WorkCalendar {
  const dir = `${DEMO_DIR}calendar/`;
  const hours = JSON.parse(readFileSync(`${dir}hours.json`, 'utf8')) as HoursFile;
  const notices = new Map(readdirSync(`${dir}notices`).filter((f) => /^\d{4}\.json$/.test(f))
    .map((f) => parseNoticeFile(JSON.parse(readFileSync(`${dir}notices/${f}`, 'utf8')))).map((n) => [n.year, n.notices]));
  const options = { tetDaysBefore: hours.defaults?.tetDaysBefore, nationalDayAdjacent: hours.defaults?.nationalDayAdjacent, saturdayWorking: hours.saturdayWorking };
  const days = years.flatMap((y) => buildYear(y, options, notices.get(y) ?? []).days);
  return new WorkCalendar({ days, hours: hours.intervals, saturdayWorking: hours.saturdayWorking });
}
