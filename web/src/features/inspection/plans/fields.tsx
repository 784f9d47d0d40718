import { Button, Flex, Form, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { StaffPicker } from '../StaffPicker';
import type { TeamRole } from './api-inspections';
import { useInspectionsT, usePlansT } from './i18n';
import { TOPICS, useCodes } from './labels';

/** Topics of an inspection, any number of the server's list (at least one). */
export function TopicSelect({ value, onChange, id, ariaLabel }: { value?: string[]; onChange?: (v: string[]) => void; id?: string; ariaLabel?: string }) {
  const codes = useCodes();
  return (
    <Select id={id} aria-label={ariaLabel} mode="multiple" value={value} onChange={onChange} style={{ width: '100%' }}
      options={TOPICS.map((c) => ({ value: c, label: codes.topic(c) }))} optionFilterProp="label" />
  );
}

export type TeamRow = { staffId?: number | null; role: TeamRole };

/** The rows kept in the form as the API takes them: only rows with someone chosen. */
export const teamBody = (rows: TeamRow[] | undefined) => (rows ?? []).filter((m) => m.staffId).map((m) => ({ staffId: m.staffId!, role: m.role }));

/**
 * An inspection's team: one row per person with their role, exactly one lead (the server checks it too).
 * The staff offered first are the inspecting unit's; typing finds anyone the caller may read.
 */
export function TeamFields({ name, unitId, known }: { name: string; unitId: number | null; known?: Record<number, string> }) {
  const t = useInspectionsT();
  const tp = usePlansT();
  const rule = [{ required: true, message: tp('required') }];
  return (
    <Form.List name={name} rules={[{
      validator: async (_, rows: TeamRow[] | undefined) => {
        if ((rows ?? []).filter((r) => r.role === 'lead').length !== 1) throw new Error(t('dlg.oneLead'));
      },
    }]}>
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, i) => (
            <Flex key={field.key} gap={8} align="flex-start" wrap>
              <Form.Item name={[field.name, 'staffId']} rules={rule} style={{ flex: '1 1 260px', marginBottom: 8 }}>
                <StaffPicker ariaLabel={t('dlg.member', { n: i + 1 })} unitId={unitId} known={known} />
              </Form.Item>
              <Form.Item name={[field.name, 'role']} rules={rule} style={{ width: 150, marginBottom: 8 }}>
                <Select aria-label={t('dlg.role', { n: i + 1 })} options={(['lead', 'member'] as const).map((r) => ({ value: r, label: t(`team.${r}`) }))} />
              </Form.Item>
              <Button type="text" icon={<MinusCircleOutlined aria-hidden />} aria-label={t('dlg.removeMember', { n: i + 1 })} title={t('dlg.removeMember', { n: i + 1 })}
                onClick={() => remove(field.name)} disabled={fields.length === 1} />
            </Flex>
          ))}
          <Form.ErrorList errors={errors} />
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ staffId: null, role: 'member' })} style={{ marginBottom: 12 }}>{t('dlg.addMember')}</Button>
        </>
      )}
    </Form.List>
  );
}

/** The years a plan may be for: a few back and the next one (plans are drafted in the December before). */
export function planYears(today: string): number[] {
  const year = Number(today.slice(0, 4));
  return [year + 1, year, year - 1, year - 2, year - 3, year - 4];
}
