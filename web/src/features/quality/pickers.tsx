import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api';
import { type ProcedureInForce, useProcedureList } from '../catalog/api';
import { foldVietnamese } from '../org/tree';
import { usePeople, useSystem } from './api';
import { useQualityT } from './i18n';

const folded = (input: string, option?: { label?: unknown }) => foldVietnamese(String(option?.label ?? '')).includes(foldVietnamese(input));

/**
 * The agency's units a QMS record may be owned by: the agency itself and every unit its people work in
 * (GET …/people answers everyone there, where the org module's unit list would refuse a specialist).
 */
export function useAgencyUnits(qmsId: number) {
  const system = useSystem(qmsId);
  const people = usePeople(qmsId);
  const units = useMemo(() => {
    const byId = new Map<number, string>();
    if (system.data) byId.set(system.data.agencyUnitId, system.data.agencyName);
    for (const p of people.data ?? []) if (!byId.has(p.unitId)) byId.set(p.unitId, p.unitName);
    return [...byId.entries()].map(([id, name]) => ({ id, name }));
  }, [system.data, people.data]);
  return { units, loading: system.isPending || people.isPending };
}

type PickerProps<T> = { qmsId: number; value?: T | null; onChange?: (v: T | null) => void; id?: string; 'aria-label'?: string };

/** One of the agency's units, searched without diacritics. */
export function UnitPicker({ qmsId, value, onChange, id, ...rest }: PickerProps<number>) {
  const t = useQualityT();
  const { units, loading } = useAgencyUnits(qmsId);
  return (
    <Select id={id} aria-label={rest['aria-label']} value={value ?? undefined} allowClear loading={loading} placeholder={t('picker.unit')}
      showSearch={{ filterOption: folded }} popupMatchSelectWidth={false} style={{ width: '100%' }} notFoundContent={t('picker.none')}
      options={units.map((u) => ({ value: u.id, label: u.name }))} onChange={(v?: number) => onChange?.(v ?? null)} />
  );
}

/** One of the agency's people: the ISO secretary. */
export function PersonPicker({ qmsId, value, onChange, id, known, disabled, ...rest }: PickerProps<number> & { known?: { staffId: number; name: string } | null; disabled?: boolean }) {
  const t = useQualityT();
  const people = usePeople(qmsId);
  const options = useMemo(() => {
    const list = (people.data ?? []).map((p) => ({ value: p.staffId, label: `${p.name} — ${p.unitName}` }));
    if (known && !list.some((o) => o.value === known.staffId)) list.unshift({ value: known.staffId, label: known.name });
    return list;
  }, [people.data, known]);
  return (
    <Select id={id} aria-label={rest['aria-label']} value={value ?? undefined} allowClear disabled={disabled} loading={people.isPending} placeholder={t('picker.person')}
      showSearch={{ filterOption: folded }} popupMatchSelectWidth={false} style={{ width: '100%' }} notFoundContent={t('picker.none')}
      options={options} onChange={(v?: number) => onChange?.(v ?? null)} />
  );
}

/**
 * A procedure of the public catalogue in force, found by its name or code (the catalogue's own search,
 * without diacritics); `onPicked` hands the name on so the process may be named after it.
 */
export function ProcedurePicker({ value, onChange, onPicked, id, ...rest }: {
  value?: string | null; onChange?: (code: string | null) => void; onPicked?: (p: { code: string; name: string } | null) => void; id?: string; 'aria-label'?: string;
}) {
  const t = useQualityT();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const list = useProcedureList({ q: q || undefined, pageSize: 20 });
  const [seen, setSeen] = useState<Map<string, string>>(new Map());
  const options = useMemo(() => {
    const labels = new Map(seen);
    for (const p of list.data?.items ?? []) labels.set(p.code, `${p.name} (${p.code})`);
    return [...labels.entries()].map(([v, label]) => ({ value: v, label }));
  }, [seen, list.data]);
  return (
    <Select id={id} aria-label={rest['aria-label']} value={value ?? undefined} allowClear placeholder={t('picker.procedure')} loading={list.isFetching}
      showSearch={{ filterOption: false, onSearch: setTyped }} options={options} popupMatchSelectWidth={false} style={{ width: '100%' }}
      notFoundContent={list.isFetching ? t('picker.searching') : t('picker.noProcedure')}
      onChange={(code?: string) => {
        const item = list.data?.items.find((p) => p.code === code);
        if (item) setSeen((m) => new Map(m).set(item.code, `${item.name} (${item.code})`));
        setTyped('');
        onChange?.(code ?? null);
        onPicked?.(code ? { code, name: item?.name ?? '' } : null);
      }} />
  );
}

/** The cases of the chosen procedure (a process may follow one case's own internal process). */
export function useProcedureCases(code: string | null | undefined) {
  // The catalogue page's own cache key: a procedure read there is not read again.
  const detail = useQuery({
    queryKey: ['catalog', 'detail', code ?? ''],
    queryFn: ({ signal }) => api.get<ProcedureInForce>(`/procedures/${encodeURIComponent(code!)}`, undefined, signal),
    enabled: !!code,
    staleTime: 60_000,
    retry: false,
  });
  return code && detail.data ? (detail.data.cases ?? []).map((c) => ({ code: c.code, name: c.name })) : [];
}
