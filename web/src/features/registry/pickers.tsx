import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, isApiError } from '../../shared/api';
import { type OrgUnit, useUnits } from '../org/api';
import { foldVietnamese } from '../org/tree';
import { UnitSelect } from '../org/UnitSelect';
import { useRegistryT } from './i18n';
import { todayInVietnam } from './paths';

interface StaffOption { id: number; fullName: string; position: string | null; unitName: string; active: boolean }
export const staffLabel = (s: Pick<StaffOption, 'fullName' | 'position' | 'unitName'>) => [s.fullName, s.position, s.unitName].filter(Boolean).join(' — ');

/**
 * The agency's people (GET /registry/agencies/:unitId/people: everyone working there with documents may
 * find its signers and handlers, which the org module's staff list would hide from a section's
 * specialist); without an agency, active staff from the org module in the caller's reach.
 */
function useStaffOptions(unitId: number | null | undefined, q: string, signers: boolean) {
  return useQuery({
    queryKey: ['registry', 'staff', { unitId: unitId ?? null, q, signers }],
    queryFn: async ({ signal }) => {
      if (unitId) return (await api.get<{ items: StaffOption[] }>(`/registry/agencies/${unitId}/people`, { q: q || undefined, signers: signers ? 'true' : undefined }, signal)).items;
      const get = (query: Record<string, string | number | undefined>) => api.get<{ items: StaffOption[] }>('/org/staff', query, signal);
      try {
        return (await get(q ? { q, pageSize: 50 } : { unitId: unitId ?? undefined, pageSize: 100 })).items.filter((s) => s.active);
      } catch (error) {
        if (isApiError(error) && error.status === 404) return (await get({ pageSize: 100 })).items.filter((s) => s.active);
        throw error;
      }
    },
    retry: false,
    placeholderData: keepPreviousData,
  });
}

type StaffProps = {
  value?: number | number[] | null;
  onChange?: (id: number | number[] | null) => void;
  /** Whose people to offer before the user types (the unit's subtree). */
  unitId?: number | null;
  /** Names already known (a saved choice), so a chosen id shows a name. */
  known?: Record<number, string>;
  multiple?: boolean;
  /** Only the agency's signers (an outgoing document's approver). */
  signers?: boolean;
  id?: string;
  'aria-label'?: string;
};

/** Picks one official (or several) by name: the approver, a handler, coordinators. */
export function StaffPicker({ value, onChange, unitId, known, multiple, signers, id, ...rest }: StaffProps) {
  const t = useRegistryT();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useStaffOptions(unitId, q, signers ?? false);
  const [seen, setSeen] = useState<Map<number, string>>(new Map());
  const options = useMemo(() => {
    const labels = new Map<number, string>(Object.entries(known ?? {}).map(([k, v]) => [Number(k), v]));
    for (const [k, v] of seen) labels.set(k, v);
    for (const s of found.data ?? []) labels.set(s.id, staffLabel(s));
    return [...labels.entries()].map(([v, label]) => ({ value: v, label }));
  }, [known, seen, found.data]);
  return (
    <Select id={id} aria-label={rest['aria-label']} mode={multiple ? 'multiple' : undefined} value={value ?? undefined} placeholder={t('picker.staff')}
      loading={found.isFetching} showSearch={{ filterOption: false, onSearch: setTyped }} options={options} popupMatchSelectWidth={false}
      style={{ width: '100%' }} notFoundContent={t('picker.noStaff')}
      onChange={(v: number | number[]) => {
        const chosen = options.filter((o) => (Array.isArray(v) ? v.includes(o.value) : o.value === v));
        if (chosen.length) setSeen((m) => { const next = new Map(m); for (const c of chosen) next.set(c.value, c.label); return next; });
        setTyped('');
        onChange?.(v);
      }} />
  );
}

/** Units in existence today that the caller may read (GET /org/units). */
export function useOpenUnits() {
  const units = useUnits();
  const today = todayInVietnam();
  return { ...units, data: (units.data ?? []).filter((u) => !u.effectiveTo || u.effectiveTo >= today) };
}

/** The unit and every unit below it, from a list of units. */
export function subtreeOf(rootId: number, units: readonly OrgUnit[]): OrgUnit[] {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) if (u.parentId !== null && ids.has(Number(u.parentId)) && !ids.has(Number(u.id))) { ids.add(Number(u.id)); grew = true; }
  }
  return units.filter((u) => ids.has(Number(u.id)));
}

type UnitProps = { value?: number | null; onChange?: (id: number | null) => void; id?: string; 'aria-label'?: string; units?: readonly OrgUnit[] };

/** One unit of the org tree (by default every open unit the caller may read), searched without diacritics. */
export function UnitPicker({ value, onChange, id, units, ...rest }: UnitProps) {
  const open = useOpenUnits();
  return (
    <UnitSelect id={id} aria-label={rest['aria-label']} units={units ?? open.data} loading={open.isLoading} value={value ? String(value) : null}
      onChange={(v) => onChange?.(v ? Number(v) : null)} />
  );
}

interface PublicAgency { id: number; name: string }

/**
 * Several units: those a document may be addressed to — every agency of the province (the public
 * directory, GET /public/agencies) and the units the caller reads — or, `ownOnly`, only the latter
 * (the units a leader routes to). One list searched without diacritics.
 */
export function RecipientUnitsPicker({ value, onChange, id, ownOnly, ...rest }: { value?: number[]; onChange?: (ids: number[]) => void; id?: string; 'aria-label'?: string; ownOnly?: boolean }) {
  const t = useRegistryT();
  const agencies = useQuery({
    queryKey: ['registry', 'public-agencies'], enabled: !ownOnly, staleTime: 5 * 60_000,
    queryFn: ({ signal }) => api.get<{ items: PublicAgency[] }>('/public/agencies', undefined, signal),
  });
  const own = useOpenUnits();
  const options = useMemo(() => {
    const byId = new Map<number, string>();
    for (const a of agencies.data?.items ?? []) byId.set(Number(a.id), a.name);
    for (const u of own.data) byId.set(Number(u.id), u.name);
    return [...byId.entries()].map(([v, label]) => ({ value: v, label })).sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  }, [agencies.data, own.data]);
  return (
    <Select id={id} aria-label={rest['aria-label']} mode="multiple" value={value ?? []} onChange={(v: number[]) => onChange?.(v)} options={options}
      loading={agencies.isLoading || own.isLoading} placeholder={t('picker.units')} style={{ width: '100%' }} maxTagCount="responsive"
      showSearch={{ filterOption: (input, option) => foldVietnamese(String(option?.label ?? '')).includes(foldVietnamese(input)) }} />
  );
}
