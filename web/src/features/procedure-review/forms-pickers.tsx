import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import { useProcedureList } from '../catalog/api';
import { foldVietnamese } from '../org/tree';
import { useReviewUnits } from './api';
import { useFormsT } from './i18n-forms';

const folded = (input: string, option?: { label?: unknown }) => foldVietnamese(String(option?.label ?? '')).includes(foldVietnamese(input));

type PickerProps<T> = { value?: T | null; onChange?: (v: T | null) => void; id?: string; 'aria-label'?: string };

/**
 * An agency the caller reads (GET /procedure-review/units), searched without diacritics; with `manage`,
 * only those where they may create reviews and plans.
 */
export function AgencySelect({ value, onChange, id, manage, allowClear, placeholder, ...rest }: PickerProps<number> & { manage?: boolean; allowClear?: boolean; placeholder?: string }) {
  const t = useFormsT();
  const units = useReviewUnits();
  const options = (units.data?.items ?? []).filter((u) => !manage || u.manage).map((u) => ({ value: u.id, label: u.name }));
  return (
    <Select id={id} aria-label={rest['aria-label']} value={value ?? undefined} loading={units.isPending} allowClear={allowClear}
      placeholder={placeholder ?? t('picker.agency')} showSearch={{ filterOption: folded }} popupMatchSelectWidth={false} style={{ width: '100%' }}
      notFoundContent={t('picker.none')} options={options} onChange={(v?: number) => onChange?.(v ?? null)} />
  );
}

/**
 * A procedure of the catalogue in force, found by its name or code (the catalogue's own search);
 * `known` names the procedure already chosen (one opened from a link), `onPicked` hands its name on.
 */
export function ProcedureSelect({ value, onChange, onPicked, known, id, ...rest }: PickerProps<string> & {
  onPicked?: (p: { code: string; name: string } | null) => void; known?: { code: string; name: string } | null;
}) {
  const t = useFormsT();
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
    if (known && !labels.has(known.code)) labels.set(known.code, known.name ? `${known.name} (${known.code})` : known.code);
    for (const p of list.data?.items ?? []) labels.set(p.code, `${p.name} (${p.code})`);
    return [...labels.entries()].map(([v, label]) => ({ value: v, label }));
  }, [seen, known, list.data]);
  return (
    <Select id={id} aria-label={rest['aria-label']} value={value ?? undefined} allowClear placeholder={t('picker.procedure')} loading={list.isFetching}
      showSearch={{ filterOption: false, onSearch: setTyped }} options={options} popupMatchSelectWidth={false} style={{ width: '100%' }}
      notFoundContent={list.isFetching ? t('picker.searching') : t('picker.noProcedure')}
      onChange={(code?: string) => {
        const item = list.data?.items.find((p) => p.code === code);
        if (item) setSeen((m) => new Map(m).set(item.code, `${item.name} (${item.code})`));
        setTyped('');
        onChange?.(code ?? null);
        onPicked?.(code ? { code, name: item?.name ?? (known?.code === code ? known.name : '') } : null);
      }} />
  );
}
