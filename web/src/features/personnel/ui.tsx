import { type CSSProperties, type ReactNode, useMemo, useState } from 'react';
import { Alert, DatePicker, Form, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import dayjs from 'dayjs';
import { normalizeForSearch } from '../../../../src/modules/catalog/rules/search';
import { errorMessage, isApiError } from '../../shared/api';
import { DATE_PATTERN } from '../../shared/format';
import { useLocale, useT } from '../../shared/i18n';
import { applyFieldErrors } from '../../shared/ui/formErrors';
import { isStaleVersion, useStaleVersionNotice } from '../../shared/ui/staleVersion';
import { type Role, useAuth } from '../../shared/auth';
import { useUnits } from '../org/api';

/**
 * Sending a form: field errors under their fields, any other refusal above the buttons, and a stale
 * version (someone saved first) with the reload notice. `run` answers whether the action went through.
 */
export function useSend(form: FormInstance | null, reload: () => unknown) {
  const locale = useLocale();
  const stale = useStaleVersionNotice();
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setProblem(null);
    setPending(true);
    try {
      await action();
      return true;
    } catch (error) {
      if (isStaleVersion(error)) { stale(reload); return false; }
      const unmatched = form ? applyFieldErrors(form, error, locale) : [];
      setProblem(form && isApiError(error) && error.fields.length ? (unmatched.length ? unmatched.join(' ') : null) : errorMessage(error, locale));
      return false;
    } finally {
      setPending(false);
    }
  };
  return { problem, pending, run, clear: () => setProblem(null) };
}

export function Problem({ text }: { text: string | null }) {
  return text ? <Alert type="error" showIcon role="alert" title={text} style={{ marginBottom: 12 }} /> : null;
}

/** A calendar date kept as "YYYY-MM-DD" in the form (what the API takes), shown dd/mm/yyyy. */
export function DateField({ name, label, required, extra }: { name: NamePath; label: string; required?: string; extra?: string }) {
  const ts = useT();
  return (
    <Form.Item name={name} label={label} extra={extra} rules={required ? [{ required: true, message: required }] : undefined}
      getValueProps={(v?: string | null) => ({ value: v ? dayjs(v) : undefined })}
      normalize={(d?: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined)}>
      <DatePicker format={DATE_PATTERN} placeholder={ts('common.datePlaceholder')} style={{ width: '100%' }} aria-label={label} />
    </Form.Item>
  );
}

/**
 * A unit of the org tree, searched without diacritics ("so noi vu"). No allowClear: Ant Design labels
 * its clear button in English whatever the locale; pages that need "every unit" offer it as an option.
 */
export function UnitSelect({ value, onChange, allLabel, id, ariaLabel, style }: {
  value?: number | null; onChange?: (id: number | null) => void; allLabel?: string; id?: string; ariaLabel?: string; style?: CSSProperties;
}) {
  const units = useUnits();
  const unitLabel = useUnitLabel();
  const options = [
    ...(allLabel ? [{ value: 0, label: allLabel }] : []),
    ...(units.data ?? []).filter((u) => !u.effectiveTo).map((u) => ({ value: Number(u.id), label: unitLabel(Number(u.id), u.name) })),
  ];
  return (
    <Select id={id} aria-label={ariaLabel} loading={units.isLoading} value={value ?? (allLabel ? 0 : undefined)} style={{ width: '100%', ...style }}
      onChange={(v: number) => onChange?.(v === 0 ? null : v)} options={options} popupMatchSelectWidth={false}
      showSearch={{ filterOption: (input, option) => normalizeForSearch(String(option?.label ?? '')).includes(normalizeForSearch(input)) }} />
  );
}

export function Muted({ children }: { children: ReactNode }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}

/**
 * A unit's name as people tell units apart: many communes each have a "Phòng Kinh tế", so a name held by
 * more than one unit is followed by its parent's ("Phòng Kinh tế — UBND xã Bum Nưa").
 */
export function useUnitLabel(): (unitId: number, name: string) => string {
  const units = useUnits();
  return useMemo(() => {
    const list = units.data ?? [];
    const byId = new Map(list.map((u) => [Number(u.id), u]));
    const count = new Map<string, number>();
    for (const u of list) count.set(u.name, (count.get(u.name) ?? 0) + 1);
    return (unitId: number, name: string) => {
      const u = byId.get(unitId);
      const parent = u?.parentId != null ? byId.get(Number(u.parentId)) : undefined;
      return (count.get(name) ?? 0) > 1 && parent ? `${name} — ${parent.shortName || parent.name}` : name;
    };
  }, [units.data]);
}

/**
 * Whether the signed-in user holds one of `roles` at a unit covering `unitId` (a grant covers its unit's
 * subtree, as on the server): which buttons to offer. The server still decides; this only spares people
 * buttons that would be refused. `homeAffairs` is the Department of Home Affairs' unit (org function
 * `civil_service`, else `reform`, as the server finds it), which appraises and approves every unit's scheme.
 */
export function useCovers(): { covers: (roles: readonly Role[], unitId: number | null | undefined) => boolean; homeAffairs: number | null } {
  const { user } = useAuth();
  const units = useUnits();
  return useMemo(() => {
    const parent = new Map((units.data ?? []).map((u) => [Number(u.id), u.parentId === null ? null : Number(u.parentId)]));
    const covers = (roles: readonly Role[], unitId: number | null | undefined) => {
      if (unitId == null || !user) return false;
      const held = new Set(user.roles.filter((g) => roles.includes(g.role)).map((g) => Number(g.unitId)));
      for (let at: number | null | undefined = unitId, hops = 0; at != null && hops < 50; at = parent.get(at), hops++) if (held.has(at)) return true;
      return false;
    };
    const open = (units.data ?? []).filter((u) => !u.effectiveTo);
    const ha = open.find((u) => u.function === 'civil_service') ?? open.find((u) => u.function === 'reform');
    return { covers, homeAffairs: ha ? Number(ha.id) : null };
  }, [user, units.data]);
}
