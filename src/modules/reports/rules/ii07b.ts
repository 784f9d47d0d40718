import type { ProcedureContent } from '../../catalog/schema.js';

/**
 * Form II.07b/VPCP/KSTT (DOMAIN §6.2): the procedures under local competence, at provincial and at
 * commune level, those handled through the one-stop mechanism, and those with an internal process
 * issued — counted over the catalogue as in force on a day (docs/reports.md).
 */
export type Ii07bRow = { level: 'province' | 'commune' | 'vertical'; name: string; total: number; oneStop: number; internalProcess: number };

const LEVEL_NAMES: Record<Ii07bRow['level'], string> = {
  province: 'Cấp tỉnh', commune: 'Cấp xã', vertical: 'Cơ quan ngành dọc tại địa phương',
};

/** Its internal process (the procedure's or any sub-case's) was issued. */
export const hasInternalProcess = (p: Pick<ProcedureContent, 'internalProcesses' | 'cases'>): boolean =>
  p.internalProcesses.length > 0 || p.cases.some((c) => (c.internalProcesses?.length ?? 0) > 0);

/**
 * Received and returned through a one-stop desk: without an internal process the whole dossier stays
 * at the receiving desk (dossiers/rules/plan.ts resolveRoute); with one, its first step is the desk's
 * (function `one_stop`, or a public administration service centre's e-ID).
 */
export function handledAtOneStop(p: Pick<ProcedureContent, 'internalProcesses' | 'cases'>, centreCodes: ReadonlySet<string>): boolean {
  const processes = [...p.internalProcesses, ...p.cases.flatMap((c) => c.internalProcesses ?? [])];
  if (!processes.length) return true;
  return processes.every((ip) => {
    const first = [...ip.steps].sort((a, b) => a.order - b.order)[0];
    return !!first && (first.responsible.function === 'one_stop' || (!!first.responsible.unitCode && centreCodes.has(first.responsible.unitCode)));
  });
}

export function ii07b(procedures: Pick<ProcedureContent, 'levels' | 'internalProcesses' | 'cases'>[], centreCodes: ReadonlySet<string>): { rows: Ii07bRow[]; totals: Omit<Ii07bRow, 'level' | 'name'> } {
  const rows = (['province', 'commune', 'vertical'] as const).map((level): Ii07bRow => {
    const here = procedures.filter((p) => p.levels.includes(level));
    return {
      level, name: LEVEL_NAMES[level], total: here.length,
      oneStop: here.filter((p) => handledAtOneStop(p, centreCodes)).length, internalProcess: here.filter(hasInternalProcess).length,
    };
  });
  // The total line counts each procedure once, even when it is carried out at two levels.
  return {
    rows,
    totals: { total: procedures.length, oneStop: procedures.filter((p) => handledAtOneStop(p, centreCodes)).length, internalProcess: procedures.filter(hasInternalProcess).length },
  };
}
