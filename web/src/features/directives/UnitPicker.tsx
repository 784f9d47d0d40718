import { Select } from 'antd';
import { normalizeForSearch } from '../../../../src/modules/catalog/rules/search';
import type { UnitOption } from './api';

interface Props {
  units: UnitOption[];
  value?: number[] | number | null;
  onChange?: (value: number[] | number | undefined) => void;
  multiple?: boolean;
  id?: string;
  'aria-label'?: string;
  placeholder?: string;
  disabledIds?: number[];
  status?: 'error';
}

/**
 * A unit (or several) out of the province's list, searched without diacritics ("so tu phap").
 * No allowClear: Ant Design 6 labels its clear button "Clear" in English whatever the locale; a
 * multiple choice removes a unit by its tag instead.
 */
export function UnitPicker({ units, value, onChange, multiple, disabledIds, ...rest }: Props) {
  return (
    <Select
      {...rest}
      mode={multiple ? 'multiple' : undefined}
      value={value ?? undefined}
      onChange={(v: number[] | number | undefined) => onChange?.(v)}
      style={{ width: '100%' }}
      showSearch={{ filterOption: (input, option) => normalizeForSearch(String(option?.label ?? '')).includes(normalizeForSearch(input)) }}
      options={units.map((u) => ({ value: u.id, label: u.name, disabled: disabledIds?.includes(u.id) }))}
    />
  );
}
