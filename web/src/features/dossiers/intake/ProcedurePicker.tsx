import { useEffect, useMemo, useState } from 'react';
import { Select, Typography } from 'antd';
import { fieldName, useProcedureSearch } from '../api';
import { useDossierT } from '../i18n';

interface Props {
  id?: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
  'aria-invalid'?: boolean;
}

/** Search as you type against the catalogue (GET /procedures?q=); the value is the procedure code. */
export function ProcedurePicker({ id, value, onChange, ...rest }: Props) {
  const t = useDossierT();
  const [typed, setTyped] = useState('');
  const [term, setTerm] = useState('');
  // Wait for a pause in typing so each keystroke does not cost a request.
  useEffect(() => {
    const timer = setTimeout(() => setTerm(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const search = useProcedureSearch(term);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);

  const options = useMemo(() => {
    const items = (search.data?.items ?? []).map((p) => ({
      value: p.code,
      label: p.name,
      title: `${p.code} — ${p.name}`,
      field: fieldName(p.field),
    }));
    // Keep the chosen procedure visible when a later search no longer lists it.
    if (chosen && !items.some((o) => o.value === chosen.value)) items.unshift({ ...chosen, title: chosen.label, field: '' });
    return items;
  }, [search.data, chosen]);

  return (
    <Select
      {...rest}
      id={id}
      value={value}
      size="large"
      allowClear
      placeholder={t('intake.procedurePlaceholder')}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={search.isFetching}
      notFoundContent={search.isError ? t('intake.catalogueUnavailable') : search.isFetching ? null : t('intake.procedureNone')}
      options={options}
      optionRender={(option) => (
        <div style={{ whiteSpace: 'normal', lineHeight: 1.35, padding: '2px 0' }}>
          <div>{option.data.label}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {option.data.value}
            {option.data.field ? ` · ${option.data.field}` : ''}
          </Typography.Text>
        </div>
      )}
      onChange={(code: string | undefined, option) => {
        const picked = Array.isArray(option) ? undefined : option;
        setChosen(code && picked ? { value: code, label: String(picked.label) } : null);
        onChange?.(code);
      }}
      style={{ width: '100%' }}
    />
  );
}
