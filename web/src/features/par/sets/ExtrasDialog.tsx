import { useEffect } from 'react';
import { Button, Flex, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { AnswerWeights, Band, SetDetail } from '../api-sets';
import { useParSetT } from '../i18n-sets';

interface Values {
  bonus: number;
  penalty: number;
  bands: { label?: string; min?: number }[];
  weights: { option?: string; weight?: number }[];
}

export interface Extras { caps: { bonus: number; penalty: number }; bands: Band[]; answerWeights: AnswerWeights }

/** The set's bonus and penalty caps, its bands (highest first) and the survey's answer weights. */
export function ExtrasDialog({ set, open, saving, onSave, onClose }: { set: SetDetail; open: boolean; saving: boolean; onSave: (x: Extras) => void; onClose: () => void }) {
  const t = useParSetT();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      bonus: set.tree.caps.bonus, penalty: set.tree.caps.penalty,
      bands: set.bands.map((b) => ({ ...b })),
      weights: Object.entries(set.answerWeights).map(([option, weight]) => ({ option, weight })),
    });
  }, [open, set, form]);
  const required = [{ required: true, message: t('required') }];
  const send = (v: Values) => onSave({
    caps: { bonus: v.bonus, penalty: v.penalty },
    bands: v.bands.map((b) => ({ label: (b.label ?? '').trim(), min: b.min ?? 0 })).sort((a, b) => b.min - a.min),
    answerWeights: Object.fromEntries(v.weights.map((w) => [(w.option ?? '').trim(), w.weight ?? 0])),
  });
  return (
    <Modal open={open} title={t('extras.dialog')} okText={t('save')} cancelText={t('cancel')} onOk={() => form.submit()} onCancel={onClose}
      okButtonProps={{ loading: saving }} width={640} destroyOnHidden forceRender>
      <Form<Values> form={form} layout="vertical" onFinish={send}>
        <Typography.Text strong>{t('extras.caps')}</Typography.Text>
        <Flex gap={12} wrap style={{ marginTop: 8 }}>
          <Form.Item name="bonus" label={t('extras.bonusCap')} rules={required}>
            <InputNumber min={0} max={1000} decimalSeparator="," style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="penalty" label={t('extras.penaltyCap')} rules={required}>
            <InputNumber min={0} max={1000} decimalSeparator="," style={{ width: 180 }} />
          </Form.Item>
        </Flex>
        <Typography.Text strong>{t('extras.bands')}</Typography.Text>
        <Form.List name="bands">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8, marginBottom: 16 }}>
              {fields.map((field, i) => (
                <Flex key={field.key} gap={8} align="flex-start">
                  <Form.Item name={[field.name, 'label']} rules={required} style={{ flex: 1 }}>
                    <Input maxLength={60} placeholder={t('extras.bandLabel')} aria-label={`${t('extras.bandLabel')} ${i + 1}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'min']} rules={required}>
                    <InputNumber min={0} max={100} decimalSeparator="," placeholder={t('extras.bandMin')} aria-label={`${t('extras.bandMin')} ${i + 1}`} style={{ width: 160 }} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined aria-hidden />} aria-label={t('extras.remove')} onClick={() => remove(field.name)} disabled={fields.length === 1} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({})} disabled={fields.length >= 10}>{t('extras.addBand')}</Button>
            </div>
          )}
        </Form.List>
        <Typography.Text strong>{t('extras.weights')}</Typography.Text>
        <Form.List name="weights">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((field, i) => (
                <Flex key={field.key} gap={8} align="flex-start">
                  <Form.Item name={[field.name, 'option']} rules={required}>
                    <Input maxLength={5} placeholder={t('extras.option')} aria-label={`${t('extras.option')} ${i + 1}`} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'weight']} rules={required}>
                    <InputNumber min={0} max={100} decimalSeparator="," placeholder={t('extras.weight')} aria-label={`${t('extras.weight')} ${i + 1}`} style={{ width: 140 }} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined aria-hidden />} aria-label={t('extras.remove')} onClick={() => remove(field.name)} disabled={fields.length === 1} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>{t('extras.addWeight')}</Button>
            </div>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
