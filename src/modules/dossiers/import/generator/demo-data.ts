import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findVersionInForce } from '../../../catalog/rules/version-status.js';
import { catalogFileSchema, type ProcedureContent } from '../../../catalog/schema.js';
import type { GenStaff, GenUnit } from './index.js';

const DEMO_DIR = fileURLToPath(new URL('../../../../../demo/', import.meta.url));

/** The demo catalogue (demo/procedures/*.json), each procedure as the version in force on `date`. */
export function demoProcedures(date: string): ProcedureContent[] {
  const dir = `${DEMO_DIR}procedures/`;
  const all = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .flatMap((f) => catalogFileSchema.parse(JSON.parse(readFileSync(dir + f, 'utf8'))).procedures);
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

/** The named demo accounts (demo/org/accounts.json) as actors, by badge number. */
export function demoAccountStaff(): (GenStaff & { username: string })[] {
  const file = JSON.parse(readFileSync(`${DEMO_DIR}org/accounts.json`, 'utf8')) as { accounts: { username: string; fullName: string; unitCode: string; badgeNumber: string; roles: [string, string][] }[] };
  return file.accounts.filter((a) => !a.roles.some(([r]) => r === 'admin' || r === 'auditor'))
    .map((a) => ({ username: a.username, name: a.fullName, badge: a.badgeNumber, unitCode: a.unitCode }));
}
