import { Button, Flex, Form, InputNumber, Input, Select, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { COUNCIL_ROLES, type CouncilRole, type Form as DisciplineForm, RELATIONS, type Relation } from '../api-discipline';
import { useDisciplineT, useInspectionT } from '../i18n';
import { todayInVietnam } from '../paths';
import { StaffPicker } from '../StaffPicker';
import { DateField } from '../ui';
import { ActionModal, type DialogProps } from './dialog';

interface CouncilValues {
  on: string;
  members: { staffId?: number | null; role: CouncilRole }[];
  relatives: { staffId?: number | null; kind?: Relation }[];
  involved: { staffId?: number | null }[];
}

/**
 * The discipline council (arts 18–19): three members, one per role, and the relations the check rests on —
 * the person's relatives working here and anyone involved in the offence, who may not sit on it. The server
 * checks the council against them and keeps them in the event.
 */
export function CouncilDialog(props: DialogProps) {
  const t = useDisciplineT();
  const ti = useInspectionT();
  const d = props.detail;
  const [form] = Form.useForm<CouncilValues>();
  const required = ti('required');
  const rule = [{ required: true, message: required }];
  const initial: CouncilValues = { on: todayInVietnam(), members: COUNCIL_ROLES.map((role) => ({ staffId: null, role })), relatives: [], involved: [] };
  return (
    <ActionModal {...props} form={form} title={t('act.set_council')} width={760} initialValues={initial}
      toBody={(v) => ({
        action: 'set_council', on: v.on,
        // The role is the row's (one row per role): a value with no input of its own is not in `v`.
        members: v.members.flatMap((m, i) => (m.staffId ? [{ staffId: m.staffId, role: COUNCIL_ROLES[i]! }] : [])),
        relatives: (v.relatives ?? []).filter((r) => r.staffId && r.kind).map((r) => ({ staffId: r.staffId!, kind: r.kind! })),
        involved: (v.involved ?? []).map((x) => x.staffId).filter((x): x is number => !!x),
      })}>
      <Typography.Paragraph type="secondary">{t('dlg.councilHint')}</Typography.Paragraph>
      <DateField name="on" label={t('dlg.councilOn')} required={required} />
      <Form.List name="members">
        {(fields, _ops, { errors }) => (
          <>
            {fields.map((field, i) => (
              <Form.Item key={field.key} name={[field.name, 'staffId']} label={t('dlg.member', { role: t(`role.${COUNCIL_ROLES[i] ?? 'chair'}`) })} rules={rule}>
                <StaffPicker ariaLabel={t('dlg.member', { role: t(`role.${COUNCIL_ROLES[i] ?? 'chair'}`) })} unitId={d.unitId} />
              </Form.Item>
            ))}
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
      <Form.List name="relatives">
        {(fields, { add, remove }) => (
          <Form.Item label={t('dlg.relatives')} style={{ marginBottom: 8 }}>
            {fields.map((field, i) => (
              <Flex key={field.key} gap={8} align="flex-start" wrap>
                <Form.Item name={[field.name, 'staffId']} rules={rule} style={{ flex: '1 1 240px', marginBottom: 8 }}>
                  <StaffPicker ariaLabel={t('dlg.relative', { n: i + 1 })} unitId={d.unitId} />
                </Form.Item>
                <Form.Item name={[field.name, 'kind']} rules={rule} style={{ flex: '0 1 220px', marginBottom: 8 }}>
                  <Select aria-label={t('dlg.relation', { n: i + 1 })} options={RELATIONS.map((r) => ({ value: r, label: t(`relation.${r}`) }))} popupMatchSelectWidth={false} />
                </Form.Item>
                <Button type="text" icon={<MinusCircleOutlined aria-hidden />} aria-label={t('dlg.removeRelative', { n: i + 1 })} title={t('dlg.removeRelative', { n: i + 1 })} onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ staffId: null })}>{t('dlg.addRelative')}</Button>
          </Form.Item>
        )}
      </Form.List>
      <Form.List name="involved">
        {(fields, { add, remove }) => (
          <Form.Item label={t('dlg.involved')} style={{ marginBottom: 8 }}>
            {fields.map((field, i) => (
              <Flex key={field.key} gap={8} align="flex-start">
                <Form.Item name={[field.name, 'staffId']} rules={rule} style={{ flex: '1 1 240px', marginBottom: 8 }}>
                  <StaffPicker ariaLabel={t('dlg.involvedOne', { n: i + 1 })} unitId={d.unitId} />
                </Form.Item>
                <Button type="text" icon={<MinusCircleOutlined aria-hidden />} aria-label={t('dlg.removeInvolved', { n: i + 1 })} title={t('dlg.removeInvolved', { n: i + 1 })} onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ staffId: null })}>{t('dlg.addInvolved')}</Button>
          </Form.Item>
        )}
      </Form.List>
    </ActionModal>
  );
}

interface BallotValues { yes: number; no: number; forms: Partial<Record<DisciplineForm, number>>; recommendedForm?: DisciplineForm; minutes: string }

/**
 * The council's secret ballot (art. 20): three votes on whether to discipline, then, if the majority is for
 * it, three on the form; the recommended form is the one with the most votes. Kept from the person considered.
 */
export function BallotDialog(props: DialogProps) {
  const t = useDisciplineT();
  const ti = useInspectionT();
  const d = props.detail;
  const [form] = Form.useForm<BallotValues>();
  const yes = Form.useWatch('yes', form) ?? 3;
  const no = Form.useWatch('no', form) ?? 0;
  const required = ti('required');
  const votes = (label: string) => <InputNumber min={0} max={3} precision={0} style={{ width: 120 }} aria-label={label} />;
  return (
    <ActionModal {...props} form={form} title={t('act.record_ballot')} width={640} initialValues={{ yes: 3, no: 0, forms: {} }}
      toBody={(v) => {
        const favour = v.yes > v.no;
        const forms = favour ? Object.fromEntries(Object.entries(v.forms ?? {}).filter(([, n]) => (n ?? 0) > 0)) : {};
        return { action: 'record_ballot', yes: v.yes, no: v.no, forms, recommendedForm: favour ? v.recommendedForm : undefined, minutes: v.minutes.trim() };
      }}>
      <Typography.Paragraph type="secondary">{t('dlg.ballotHint')}</Typography.Paragraph>
      <Flex gap={16} wrap>
        <Form.Item name="yes" label={t('dlg.yes')} rules={[{ required: true, message: required }]}>{votes(t('dlg.yes'))}</Form.Item>
        <Form.Item name="no" label={t('dlg.no')} rules={[{ required: true, message: required }]}>{votes(t('dlg.no'))}</Form.Item>
      </Flex>
      {yes > no ? (
        <>
          <Flex gap={16} wrap>
            {d.formsAllowed.map((f) => (
              <Form.Item key={f} name={['forms', f]} label={t('dlg.formVotes', { form: t(`form.${f}`) })}>{votes(t('dlg.formVotes', { form: t(`form.${f}`) }))}</Form.Item>
            ))}
          </Flex>
          <Form.Item name="recommendedForm" label={t('dlg.recommended')} rules={[{ required: true, message: required }]}>
            <Select aria-label={t('dlg.recommended')} options={d.formsAllowed.map((f) => ({ value: f, label: t(`form.${f}`) }))} />
          </Form.Item>
        </>
      ) : null}
      <Form.Item name="minutes" label={t('dlg.minutes')} rules={[{ required: true, whitespace: true, min: 5, message: required }]}>
        <Input.TextArea rows={5} maxLength={20000} showCount />
      </Form.Item>
    </ActionModal>
  );
}
