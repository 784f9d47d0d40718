/**
 * From the items the officer confirmed to tasks (pure). "Rõ việc, rõ người": every task has exactly one
 * lead unit, so an item led by several units — named one by one ("Báo Lai Châu, Đài Phát thanh -
 * Truyền hình tỉnh, Cổng Giao tiếp điện tử tỉnh…") or by a group phrase ("các sở, ban, ngành") —
 * becomes one task per unit, each with the same content, deadline and coordinating units. A unit named
 * twice (by name and inside a group) gets one task; a unit never coordinates its own task.
 */
export type ConfirmedLead = { unitId: number } | { group: string; unitIds: readonly number[] };

export type ConfirmedItem = {
  ref: string;
  content: string;
  leads: readonly ConfirmedLead[];
  coordinatingUnitIds?: readonly number[];
};

export type FannedTask<T extends ConfirmedItem> = Omit<T, 'leads' | 'coordinatingUnitIds'> & {
  leadUnitId: number;
  coordinatingUnitIds: number[];
  /** The group phrase the unit was reached through, when it was not named itself. */
  fanOutKey: string | null;
};

export type FanOutProblem = { index: number; code: 'NO_LEAD' };

export function fanOut<T extends ConfirmedItem>(items: readonly T[]): { tasks: FannedTask<T>[]; problems: FanOutProblem[] } {
  const tasks: FannedTask<T>[] = [];
  const problems: FanOutProblem[] = [];
  items.forEach((item, index) => {
    const { leads, coordinatingUnitIds, ...rest } = item;
    // Named units first (their own task even when a group also reaches them), then each group's units.
    const byUnit = new Map<number, string | null>();
    for (const l of leads) if ('unitId' in l) byUnit.set(l.unitId, null);
    for (const l of leads) if ('group' in l) for (const u of l.unitIds) if (!byUnit.has(u)) byUnit.set(u, l.group);
    if (!byUnit.size) {
      problems.push({ index, code: 'NO_LEAD' });
      return;
    }
    const coordinating = [...new Set(coordinatingUnitIds ?? [])];
    for (const [leadUnitId, fanOutKey] of byUnit) {
      tasks.push({ ...rest, leadUnitId, fanOutKey, coordinatingUnitIds: coordinating.filter((u) => u !== leadUnitId) });
    }
  });
  return { tasks, problems };
}
