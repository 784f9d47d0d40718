import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, isApiError } from '../../shared/api';
import { useInspectionT } from './i18n';

interface StaffOption { id: number; fullName: string; position: string | null; unitName: string; active: boolean }

/**
 * Active staff from the org module's list (GET /org/staff, the units the caller may read): the unit's own
 * people until the user types, then anyone in reach by name. A unit outside the caller's reach answers
 * 404, which here means "nobody to offer", not an error.
 */
function useStaffOptions(unitId: number | null | undefined, q: string) {
  return useQuery({
    queryKey: ['inspection', 'staff', { unitId: q ? null : unitId ?? null, q }],
    queryFn: async ({ signal }) => {
      try {
        const body = await api.get<{ items: StaffOption[] }>('/org/staff', q ? { q, pageSize: 50 } : { unitId: unitId ?? undefined, pageSize: 100 }, signal);
        return body.items.filter((s) => s.active);
      } catch (error) {
        if (isApiError(error) && error.status === 404) return [];
        throw error;
      }
    },
    retry: false,
    placeholderData: keepPreviousData,
  });
}

export const staffLabel = (s: Pick<StaffOption, 'fullName' | 'position' | 'unitName'>) => [s.fullName, s.position, s.unitName].filter(Boolean).join(' — ');

type Props = {
  value?: number | null;
  onChange?: (id: number | null) => void;
  /** Whose people to offer before the user types. */
  unitId?: number | null;
  /** Names already known (a prefilled or saved choice), so a chosen id shows a name. */
  known?: Record<number, string>;
  /** Offer "nobody" as the first option (an optional field). */
  noneLabel?: string;
  id?: string;
  ariaLabel?: string;
};

/** Picks one official by name. No allowClear (Ant Design words it in English): `noneLabel` offers "nobody". */
export function StaffPicker({ value, onChange, unitId, known, noneLabel, id, ariaLabel }: Props) {
  const t = useInspectionT();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useStaffOptions(unitId, q);
  const [seen, setSeen] = useState<Map<number, string>>(new Map());
  const options = useMemo(() => {
    const labels = new Map<number, string>(Object.entries(known ?? {}).map(([k, v]) => [Number(k), v]));
    for (const [k, v] of seen) labels.set(k, v);
    for (const s of found.data ?? []) labels.set(s.id, staffLabel(s));
    const offered = [...labels.entries()].map(([v, label]) => ({ value: v, label }));
    if (value && !labels.has(value)) offered.unshift({ value, label: t('staff.unknown', { id: value }) });
    return [...(noneLabel ? [{ value: 0, label: noneLabel }] : []), ...offered];
  }, [known, seen, found.data, value, noneLabel, t]);
  return (
    <Select id={id} aria-label={ariaLabel} value={value ?? (noneLabel ? 0 : undefined)} placeholder={t('staff.search')} loading={found.isFetching}
      showSearch={{ filterOption: false, onSearch: setTyped }} options={options} popupMatchSelectWidth={false} style={{ width: '100%' }}
      notFoundContent={t('staff.notInReach')}
      onChange={(v: number) => {
        const chosen = options.find((o) => o.value === v);
        if (chosen && v) setSeen((m) => new Map(m).set(v, chosen.label));
        setTyped('');
        onChange?.(v === 0 ? null : v);
      }} />
  );
}

/**
 * The name of one official known only by id (a prefilled choice), if the caller may read them; the picker
 * shows "Staff member N" otherwise.
 */
export function useStaffName(id: number | null | undefined) {
  return useQuery({
    queryKey: ['inspection', 'staff-name', id ?? 0],
    enabled: !!id,
    queryFn: async ({ signal }) => {
      try {
        return staffLabel(await api.get<StaffOption>(`/org/staff/${id}`, undefined, signal));
      } catch (error) {
        if (isApiError(error) && (error.status === 404 || error.status === 403)) return null;
        throw error;
      }
    },
    retry: false,
    staleTime: 5 * 60_000,
  });
}
