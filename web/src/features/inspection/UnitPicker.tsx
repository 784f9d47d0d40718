import { type OrgUnit, useUnits } from '../org/api';
import { UnitSelect } from '../org/UnitSelect';
import { todayInVietnam } from './paths';

/**
 * A unit of the org tree in existence today (the server refuses one that has ended), searched without
 * diacritics; the form keeps its id as a number, as the API takes it.
 */
export function UnitPicker({ value, onChange, id, ariaLabel }: { value?: number | null; onChange?: (id: number | null) => void; id?: string; ariaLabel?: string }) {
  const units = useUnits();
  const today = todayInVietnam();
  const open = (units.data ?? []).filter((u) => !u.effectiveTo || u.effectiveTo >= today);
  return (
    <UnitSelect id={id} aria-label={ariaLabel} units={open} loading={units.isLoading} value={value ? String(value) : null}
      onChange={(v) => onChange?.(v ? Number(v) : null)} />
  );
}

/**
 * The agency a unit belongs to: its nearest ancestor that is not a section (phòng) of an agency. A
 * discipline case is decided by the agency that recruited or appointed the person (Decree 172 art. 15),
 * not by the section the person works in; the form starts there and the user may change it.
 */
export function agencyOf(unitId: number, units: readonly OrgUnit[]): number {
  const byId = new Map(units.map((u) => [Number(u.id), u]));
  let at = byId.get(unitId);
  for (let hops = 0; at && at.kind === 'section' && at.parentId !== null && hops < 20; hops++) at = byId.get(Number(at.parentId));
  return at ? Number(at.id) : unitId;
}
