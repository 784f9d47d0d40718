import { Alert, Select } from 'antd';
import { useUnitStaff } from '../api';
import { useDossierT } from '../i18n';
import { fold } from '../labels';

interface Props {
  id?: string;
  unitId: number | null | undefined;
  value?: string | number;
  onChange?: (value: string | number | undefined) => void;
  allowClear?: boolean;
}

/** Staff of a unit's subtree (GET /org/staff?unitId=), searchable by name. */
export function StaffSelect({ id, unitId, value, onChange, allowClear }: Props) {
  const t = useDossierT();
  const staff = useUnitStaff(unitId);
  if (staff.isError) return <Alert type="info" showIcon title={t('form.staffUnavailable')} />;
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear={allowClear}
      loading={staff.isPending}
      placeholder={allowClear ? t('form.staffOptional') : undefined}
      showSearch={{ filterOption: (input, option) => fold(String(option?.label ?? '')).includes(fold(input)) }}
      options={(staff.data ?? []).map((s) => ({
        value: s.id,
        label: s.position ? `${s.fullName} — ${s.position}` : s.fullName,
      }))}
    />
  );
}
