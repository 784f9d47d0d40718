/**
 * The demo catalogue in demo/procedures/ must be usable as shipped: every file parses with the
 * catalogue schema, every internal process adds up, and every org unit or function it names exists
 * in the demo province (demo/org/units.json).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { validateInternalProcess } from './rules/internal-process.js';
import { findVersionInForce } from './rules/version-status.js';
import { catalogFileSchema, type InternalProcess, type Procedure } from './schema.js';

const procedureDir = fileURLToPath(new URL('../../../demo/procedures/', import.meta.url));
const unitsFile = fileURLToPath(new URL('../../../demo/org/units.json', import.meta.url));

const unitsSchema = z.object({
  units: z.array(
    z.object({ code: z.string(), kind: z.string(), parentCode: z.string().optional(), function: z.string().optional() }),
  ),
});

const files = readdirSync(procedureDir).filter((f) => f.endsWith('.json')).sort();
const parsed = files.map((file) => ({
  file,
  result: catalogFileSchema.safeParse(JSON.parse(readFileSync(procedureDir + file, 'utf8'))),
}));
const procedures: Procedure[] = parsed.flatMap(({ result }) => (result.success ? result.data.procedures : []));
const units = unitsSchema.parse(JSON.parse(readFileSync(unitsFile, 'utf8'))).units;
const unitByCode = new Map(units.map((u) => [u.code, u]));
/** A date on which the demo's current versions are all in force. */
const TODAY = '2026-06-01';

function label(p: Procedure): string {
  return `${p.code} v${p.version.number} ${p.name}`;
}

function allProcesses(p: Procedure): InternalProcess[] {
  return [...p.internalProcesses, ...p.cases.flatMap((c) => c.internalProcesses ?? [])];
}

function functionsInSubtree(rootCode: string): Set<string> {
  const found = new Set<string>();
  const visit = (code: string) => {
    const unit = unitByCode.get(code);
    if (unit?.function !== undefined) found.add(unit.function);
    units.filter((u) => u.parentCode === code).forEach((u) => visit(u.code));
  };
  visit(rootCode);
  return found;
}

const inForce = [...new Set(procedures.map((p) => p.code))]
  .map((code) => {
    const versions = procedures.filter((p) => p.code === code).map((p) => ({ ...p.version, procedure: p }));
    return findVersionInForce(versions, TODAY)?.procedure;
  })
  .filter((p): p is Procedure => p !== undefined);

describe('demo catalogue', () => {
  it('has several files, each parsing with the catalogue schema', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    const errors = parsed.flatMap(({ file, result }) =>
      result.success ? [] : result.error.issues.map((i) => `${file} ${i.path.join('.')}: ${i.message}`),
    );
    expect(errors).toEqual([]);
  });

  it('has internal processes whose budgets add up for every procedure, case and channel', () => {
    const problems = procedures.flatMap((p) => validateInternalProcess(p).map((x) => `${label(p)}: ${x.message}`));
    expect(problems).toEqual([]);
    expect(procedures.every((p) => p.internalProcesses.length > 0)).toBe(true);
  });

  it('has unique code and version pairs, and exactly one version of each procedure in force', () => {
    const keys = procedures.map((p) => `${p.code}@${p.version.number}`);
    expect(new Set(keys).size).toBe(keys.length);
    const codes = new Set(procedures.map((p) => p.code));
    expect(inForce.map((p) => p.code).sort()).toEqual([...codes].sort());
    expect(inForce.every((p) => p.version.status === 'published')).toBe(true);
  });

  it('keeps the history of an amended procedure with non-overlapping windows', () => {
    const history = procedures.filter((p) => procedures.filter((q) => q.code === p.code).length > 1);
    expect(history.length).toBeGreaterThanOrEqual(2);
    for (const p of history) {
      const siblings = procedures.filter((q) => q.code === p.code && q.version.number !== p.version.number);
      for (const q of siblings) {
        const [first, second] = p.version.number < q.version.number ? [p, q] : [q, p];
        expect(first.version.status, label(first)).toBe('amended');
        expect(first.version.effectiveTo! < second.version.effectiveFrom!, label(first)).toBe(true);
      }
    }
  });

  it('covers at least 40 procedures in at least 8 fields at province and commune level', () => {
    expect(inForce.length).toBeGreaterThanOrEqual(40);
    expect(new Set(inForce.map((p) => p.field.code)).size).toBeGreaterThanOrEqual(8);
    const levels = new Set(inForce.flatMap((p) => p.levels));
    expect(levels.has('province') && levels.has('commune')).toBe(true);
    const fieldNames = new Map<string, string>();
    for (const p of inForce) {
      expect(fieldNames.get(p.field.code) ?? p.field.name, `field ${p.field.code}`).toBe(p.field.name);
      fieldNames.set(p.field.code, p.field.name);
    }
  });

  it('includes inter-agency, fully online, sub-case, calendar-day and working-hour procedures', () => {
    const interAgency = inForce.filter((p) => allProcesses(p).some((ip) => ip.steps.some((s) => s.interAgency)));
    expect(interAgency.length).toBeGreaterThanOrEqual(3);
    expect(inForce.filter((p) => p.onlineMode === 'full').length).toBeGreaterThanOrEqual(3);
    expect(inForce.filter((p) => p.cases.some((c) => c.internalProcesses !== undefined)).length).toBeGreaterThanOrEqual(3);
    const units = (p: Procedure) => p.channels.map((c) => c.time.unit);
    expect(inForce.filter((p) => units(p).includes('calendar_days')).length).toBeGreaterThanOrEqual(2);
    expect(inForce.filter((p) => units(p).includes('working_hours')).length).toBeGreaterThanOrEqual(1);
    expect(inForce.filter((p) => p.channels.some((c) => c.time.cutoff === '15:00')).length).toBeGreaterThanOrEqual(3);
  });

  it('names only org units that exist in demo/org/units.json', () => {
    const missing: string[] = [];
    for (const p of procedures) {
      const codes = [
        p.implementingAgency.code,
        ...p.coordinatingAgencies.map((a) => a.code),
        ...allProcesses(p).flatMap((ip) => ip.steps.map((s) => s.responsible.unitCode)),
      ];
      for (const code of codes) if (code !== undefined && !unitByCode.has(code)) missing.push(`${label(p)}: ${code}`);
    }
    expect(missing).toEqual([]);
  });

  it('names only functions present in the competent agency of every place the procedure runs', () => {
    const communes = units.filter((u) => u.kind === 'commune').map((u) => u.code);
    expect(communes.length).toBeGreaterThanOrEqual(6);
    const missing: string[] = [];
    for (const p of procedures) {
      // A commune procedure runs in whichever commune receives it, so each commune needs the function.
      const roots = p.levels.includes('commune') ? communes : [p.implementingAgency.code ?? ''];
      for (const fn of allProcesses(p).flatMap((ip) => ip.steps.map((s) => s.responsible.function))) {
        if (fn === undefined) continue;
        for (const root of roots) if (!functionsInSubtree(root).has(fn)) missing.push(`${label(p)}: ${fn} in ${root}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('starts every internal process at a one-stop desk', () => {
    const wrong = procedures.flatMap((p) =>
      allProcesses(p)
        .map((ip) => ip.steps[0]!.responsible)
        .filter((r) => r.function !== 'one_stop' && unitByCode.get(r.unitCode ?? '')?.function !== 'one_stop')
        .map(() => label(p)),
    );
    expect(wrong).toEqual([]);
  });
});
