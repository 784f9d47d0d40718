import type { DisciplineStanding, PersonnelFeeds, SystemFacts } from './personnel.context.js';

/**
 * The figures the evaluation sheet reads from other modules (PersonnelFeeds), wired in src/app.ts: the
 * dossier steps an officer handed on, their directives' tasks, and for heads the unit's published PAR index.
 */
type Deps = {
  dossierSteps(staffId: number, from: Date, to: Date): Promise<{ total: number; onTime: number }>;
  directives: { personTasks(staffId: number, from: string, to: string): Promise<{ total: number; done: number; onTime: number }> };
  par: { publicResults(year?: number): Promise<{ round: unknown; blocks: { units: { unitId: number; index: number | null; rank: number | null }[] }[] }> };
  now: () => Date;
  discipline: { blockingOn(staffId: number, day: string): Promise<DisciplineStanding | null> };
};

export function personnelFeeds(deps: Deps): PersonnelFeeds {
  return {
    disciplineOn: (staffId, day) => deps.discipline.blockingOn(staffId, day),
    async systemFacts(staffId, unitId, year, isHead): Promise<SystemFacts> {
      const from = new Date(`${year}-01-01T00:00:00+07:00`);
      const end = new Date(`${year + 1}-01-01T00:00:00+07:00`);
      const to = end < deps.now() ? end : deps.now();
      const [steps, tasks, par] = await Promise.all([
        from < to ? deps.dossierSteps(staffId, from, to) : Promise.resolve({ total: 0, onTime: 0 }),
        deps.directives.personTasks(staffId, `${year}-01-01`, `${year}-12-31`),
        isHead ? deps.par.publicResults(year) : Promise.resolve(null),
      ]);
      const block = par?.round ? par.blocks.find((b) => b.units.some((u) => u.unitId === unitId)) : undefined;
      const mine = block?.units.find((u) => u.unitId === unitId);
      return {
        dossierSteps: steps.total ? steps : null,
        directiveTasks: tasks.total ? tasks : null,
        par: mine && mine.index !== null ? { points: mine.index, rank: mine.rank, of: block!.units.length } : null,
      };
    },
  };
}
