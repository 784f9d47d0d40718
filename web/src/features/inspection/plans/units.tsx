import { type CSSProperties, useMemo } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api';
import { type Role, useAuth } from '../../../shared/auth';
import { useUnits } from '../../org/api';
import { foldVietnamese } from '../../org/tree';
import { todayInVietnam } from '../paths';

export interface UnitOption { id: number; parentId: number | null; code: string; name: string; kind: string }

/**
 * The units an inspection may concern: the province's agencies (departments, communes, centres: the public
 * directory, since an inspectorate reads only its own subtree of the org tree) together with the units the
 * caller reads (their own sections). Units that have ended are left out where the org tree says so.
 */
export function useAllUnits() {
  const own = useUnits();
  const agencies = useQuery({
    queryKey: ['inspection', 'agencies'],
    queryFn: ({ signal }) => api.get<{ items: { id: number | string; parentId: number | string | null; code: string; name: string; kind: string }[] }>('/public/agencies', undefined, signal),
    staleTime: 10 * 60_000,
  });
  return useMemo(() => {
    const today = todayInVietnam();
    const byId = new Map<number, UnitOption>();
    /** The units of the org tree the caller reads: where their own plans and inspections can be. */
    const reach = new Set<number>();
    const num = (v: number | string | null) => (v === null ? null : Number(v));
    for (const u of agencies.data?.items ?? []) byId.set(Number(u.id), { id: Number(u.id), parentId: num(u.parentId), code: u.code, name: u.name, kind: u.kind });
    for (const u of own.data ?? []) {
      if (u.effectiveTo && u.effectiveTo < today) { byId.delete(Number(u.id)); continue; }
      byId.set(Number(u.id), { id: Number(u.id), parentId: num(u.parentId), code: u.code, name: u.name, kind: u.kind });
      reach.add(Number(u.id));
    }
    const units = [...byId.values()].sort((a, b) => a.code.localeCompare(b.code));
    return { units, byId, reach, loading: own.isLoading || agencies.isLoading };
  }, [own.data, own.isLoading, agencies.data, agencies.isLoading]);
}

/** A unit's name as people tell units apart: a name several units hold is followed by its parent's. */
export function unitLabeller(units: readonly UnitOption[], byId: Map<number, UnitOption>): (u: UnitOption) => string {
  const count = new Map<string, number>();
  for (const u of units) count.set(u.name, (count.get(u.name) ?? 0) + 1);
  return (u) => {
    const parent = u.parentId !== null ? byId.get(u.parentId) : undefined;
    return (count.get(u.name) ?? 0) > 1 && parent ? `${u.name} — ${parent.name}` : u.name;
  };
}

type ChoiceProps = {
  value?: number | null;
  onChange?: (id: number | null) => void;
  /** Only these units (e.g. those the caller manages); every unit by default. */
  only?: (u: UnitOption) => boolean;
  /** An option for "no unit" / "every unit" (value 0 stands for it): Ant Design's clear button is English-only. */
  emptyLabel?: string;
  id?: string;
  ariaLabel?: string;
  style?: CSSProperties;
  disabled?: boolean;
};

/** A unit out of `useAllUnits`, searched without diacritics ("so xay dung"). */
export function UnitChoice({ value, onChange, only, emptyLabel, id, ariaLabel, style, disabled }: ChoiceProps) {
  const { units, byId, loading } = useAllUnits();
  const options = useMemo(() => {
    const label = unitLabeller(units, byId);
    const list = units.filter((u) => !only || only(u)).map((u) => ({ value: u.id, label: label(u) }));
    return [...(emptyLabel ? [{ value: 0, label: emptyLabel }] : []), ...list];
  }, [units, byId, only, emptyLabel]);
  return (
    <Select id={id} aria-label={ariaLabel} loading={loading} disabled={disabled} value={value ?? (emptyLabel ? 0 : undefined)} style={{ width: '100%', ...style }}
      onChange={(v: number) => onChange?.(v === 0 ? null : v)} options={options} popupMatchSelectWidth={false}
      showSearch={{ filterOption: (input, option) => foldVietnamese(String(option?.label ?? '')).includes(foldVietnamese(input)) }} />
  );
}

/**
 * Whether the signed-in user holds one of `roles` at a unit covering `unitId` (a grant covers its unit's
 * subtree, as on the server): which buttons and units to offer. The server still decides.
 */
export function useCovers(): (roles: readonly Role[], unitId: number | null | undefined) => boolean {
  const { user } = useAuth();
  const { byId } = useAllUnits();
  return useMemo(() => (roles: readonly Role[], unitId: number | null | undefined) => {
    if (unitId == null || !user) return false;
    const held = new Set(user.roles.filter((g) => roles.includes(g.role)).map((g) => Number(g.unitId)));
    for (let at: number | null | undefined = unitId, hops = 0; at != null && hops < 50; at = byId.get(at)?.parentId, hops++) if (held.has(at)) return true;
    return false;
  }, [user, byId]);
}

/** The signed-in staff member's id (the session answers it beside the account's). */
export function useMyStaffId(): number | null {
  const { user } = useAuth();
  const id = (user as { staffId?: number | string | null } | null)?.staffId;
  return id == null ? null : Number(id);
}

/**
 * The unit a new plan or surprise inspection is most likely the caller's for: where they were granted one of
 * `roles` (an inspector's grant sits at the inspectorate, while their own unit may be one of its sections).
 */
export function useGrantUnit(roles: readonly Role[]): number | null {
  const { user } = useAuth();
  const grant = user?.roles.find((g) => roles.includes(g.role));
  return grant ? Number(grant.unitId) : null;
}
