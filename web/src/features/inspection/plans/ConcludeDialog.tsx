import { Alert, Button, Card, Flex, Form, Input, InputNumber, Radio, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { todayInVietnam } from '../paths';
import { DateField } from '../ui';
import { type InspectionActionBody, useInspectionAction } from './api-inspections';
import { useInspectionsT, usePlansT } from './i18n';
import { ActionModal, type DialogProps } from './InspectionDialogs';
import { useCodes } from './labels';
import { UnitChoice } from './units';

type RecRow = { text?: string; responsibleUnitId?: number | null; mode: 'date' | 'days'; dueOn?: string; dueWorkingDays?: number | null };
type Values = { conclusionNo: string; conclusionDate: string; signer?: string; summary: string; recommendations?: RecRow[] };

const toRecommendation = (r: RecRow) => ({
  text: (r.text ?? '').trim(),
  ...(r.responsibleUnitId ? { responsibleUnitId: r.responsibleUnitId } : {}),
  ...(r.mode === 'days' ? { dueWorkingDays: r.dueWorkingDays ?? undefined } : { dueOn: r.dueOn }),
});

/**
 * The conclusion the head signs, with its recommendations: each addressed to the unit inspected unless
 * another unit is named, due on a date or in N working days from the conclusion (the server counts them
 * on the province's calendar). Refused while an item marked as a finding has no finding recorded.
 */
export function ConcludeDialog(props: DialogProps) {
  const t = useInspectionsT();
  const tp = usePlansT();
  const codes = useCodes();
  const { d } = props;
  const [form] = Form.useForm<Values>();
  const act = useInspectionAction(d.id);
  const required = tp('required');
  const rule = [{ required: true, message: required }];
  const unrecorded = d.checklist?.rollup.findingItemsWithoutRecord ?? [];
  const rows = Form.useWatch('recommendations', form) ?? [];
  return (
    <ActionModal {...props} form={form} width={820} title={t('dlg.concludeTitle')} okText={t('act.conclude')}
      initialValues={{ conclusionDate: todayInVietnam(), recommendations: [] }}
      send={(v) => act.mutateAsync({
        action: 'conclude', version: d.version, conclusionNo: v.conclusionNo.trim(), conclusionDate: v.conclusionDate, ...(v.signer?.trim() ? { signer: v.signer.trim() } : {}),
        summary: v.summary.trim(), recommendations: (v.recommendations ?? []).map(toRecommendation),
      } as InspectionActionBody)}>
      {unrecorded.length ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('checklist.unrecorded', { items: unrecorded.map(codes.checklistItem).join('; ') })} /> : null}
      <div className="mc-insp-form-grid">
        <Form.Item name="conclusionNo" label={t('dlg.conclusionNo')} rules={[{ required: true, whitespace: true, message: required }]}><Input maxLength={60} placeholder="25/KL-TTr" /></Form.Item>
        <DateField name="conclusionDate" label={t('dlg.conclusionDate')} required={required} />
        <Form.Item name="signer" label={t('dlg.signer')} extra={t('dlg.signerHint')}><Input maxLength={200} /></Form.Item>
      </div>
      <Form.Item name="summary" label={t('dlg.summary')} rules={[{ required: true, whitespace: true, min: 5, message: required }]}><Input.TextArea rows={5} maxLength={20000} showCount /></Form.Item>
      <Typography.Title level={3} style={{ fontSize: 15 }}>{t('dlg.recs')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('dlg.recsHint')}</Typography.Paragraph>
      <Form.List name="recommendations">
        {(fields, { add, remove }) => (
          <Flex vertical gap={12}>
            {fields.map((field, i) => {
              const mode = rows[field.name]?.mode ?? 'days';
              const n = i + 1;
              return (
                <Card key={field.key} size="small" title={t('rec.title', { n })}
                  extra={<Button type="text" icon={<MinusCircleOutlined aria-hidden />} aria-label={t('dlg.removeRec', { n })} title={t('dlg.removeRec', { n })} onClick={() => remove(field.name)} />}>
                  <Form.Item name={[field.name, 'text']} label={t('dlg.recText', { n })} rules={[{ required: true, whitespace: true, min: 3, message: required }]}>
                    <Input.TextArea rows={2} maxLength={4000} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'responsibleUnitId']} label={t('dlg.recUnit', { n })}>
                    <UnitChoice ariaLabel={t('dlg.recUnit', { n })} emptyLabel={t('dlg.recUnitDefault', { unit: d.targetUnitName })} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'mode']} label={t('dlg.dueMode', { n })}>
                    <Radio.Group aria-label={t('dlg.dueMode', { n })} options={[{ value: 'days', label: t('dlg.dueDays') }, { value: 'date', label: t('dlg.dueDate') }]} />
                  </Form.Item>
                  {mode === 'date' ? <DateField name={[field.name, 'dueOn']} label={t('dlg.dueOn', { n })} required={required} /> : (
                    <Form.Item name={[field.name, 'dueWorkingDays']} label={t('dlg.dueWorkingDays', { n })} rules={rule}>
                      <InputNumber min={1} max={365} precision={0} style={{ width: 140 }} aria-label={t('dlg.dueWorkingDays', { n })} />
                    </Form.Item>
                  )}
                </Card>
              );
            })}
            <div><Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ mode: 'days', dueWorkingDays: 30, responsibleUnitId: null })}>{t('dlg.addRec')}</Button></div>
          </Flex>
        )}
      </Form.List>
    </ActionModal>
  );
}
