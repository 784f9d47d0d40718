import { Alert, Select } from 'antd';
import type { Id } from '../../../shared/auth';
import { type DossierDetail, useRouteStaff, useUnitStaff } from '../api';
import { useDossierT } from '../i18n';
import { fold } from '../labels';

interface Props {
  id?: string;
  dossier: DossierDetail;
  /** The step whose unit receives the dossier (a later step to transfer to, or the current one). */
  step: number | null;
  value?: string | number;
  onChange?: (value: string | number | undefined) => void;
  allowClear?: boolean;
}

type Person = { id: Id; fullName: string; position: string | null; unitName: string };

/**
 * The officers who may receive a step, searchable by name. A step on the dossier's route is read
 * from the dossier (GET /dossiers/:code/route-staff), which also works for a unit of another agency;
 * only the hand-back to the desk after the result, which is not on the route, reads the unit's staff.
 */
export function StaffSelect({ id, dossier, step, value, onChange, allowClear }: Props) {
  const t = useDossierT();
  const onRoute = step !== null && dossier.route.some((r) => r.order === step);
  const route = useRouteStaff(dossier.code, onRoute ? step : null);
  const unit = useUnitStaff(onRoute ? null : dossier.currentUnitId);
  const query = onRoute ? route : unit;
  const stepUnit = onRoute ? route.data?.unitName : undefined;
  const people: Person[] = onRoute ? (route.data?.staff ?? []) : (unit.data ?? []);
  if (query.isError) return <Alert type="info" showIcon title={t('form.staffUnavailable')} />;
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear={allowClear}
      loading={query.isPending}
      placeholder={allowClear ? t('form.staffOptional') : undefined}
      notFoundContent={query.isPending ? undefined : t('form.staffNone')}
      showSearch={{ filterOption: (input, option) => fold(String(option?.label ?? '')).includes(fold(input)) }}
      options={people.map((s) => ({
        value: s.id,
        // Staff of a sub-unit of the step's unit say which one.
        label: [s.fullName, s.position, stepUnit && s.unitName !== stepUnit ? s.unitName : null].filter(Boolean).join(' — '),
      }))}
    />
  );
}
