import { useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { BLOCKS, BLOCK_LABELS, type Block } from '../../../../../src/modules/par/labels';
import { errorMessage, isApiError } from '../../../shared/api';
import { useLocale } from '../../../shared/i18n';
import { applyFieldErrors } from '../../../shared/ui/formErrors';
import { type SetSummary, useCreateSet } from '../api-sets';
import { useParSetT } from '../i18n-sets';
import { setPath } from './paths';

interface Values { copyFromSetId?: number; year: number; name: string; blocks: Block[] }

/** "Sao chép sang năm mới" (the usual way: last year's set, then edited) or "Tạo mới" with a one-area tree to start from. */
export function CreateSetDialog({ mode, sets, onClose }: { mode: 'copy' | 'create'; sets: SetSummary[]; onClose: () => void }) {
  const t = useParSetT();
  const locale = useLocale();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateSet();
  const [problem, setProblem] = useState<string | null>(null);
  const latest = sets[0];
  // The copy's defaults follow the chosen set: next year, the same blocks, the name with its year moved on.
  const defaultsFrom = (s: SetSummary | undefined): Partial<Values> => s
    ? { copyFromSetId: s.id, year: s.year + 1, name: s.name.replaceAll(String(s.year), String(s.year + 1)), blocks: s.blocks }
    : { year: new Date().getFullYear(), blocks: ['so'] };
  const send = async (v: Values) => {
    setProblem(null);
    try {
      const body = mode === 'copy'
        ? { copyFromSetId: v.copyFromSetId, year: v.year, name: v.name, blocks: v.blocks }
        : { year: v.year, name: v.name, blocks: v.blocks, tree: { caps: { bonus: 0, penalty: 0 }, areas: [{ code: '1', text: t('create.firstArea'), maxPoints: 1, scoring: { kind: 'manual' as const } }] } };
      const created = await create.mutateAsync(body);
      onClose();
      navigate(setPath(created.id));
    } catch (error) {
      const unmatched = applyFieldErrors(form, error, locale);
      setProblem(isApiError(error) && error.fields.length ? (unmatched.length ? unmatched.join(' ') : null) : errorMessage(error, locale));
    }
  };
  const required = [{ required: true, message: t('required') }];
  return (
    <Modal open title={t(mode === 'copy' ? 'copy.title' : 'create.title')} okText={t(mode === 'copy' ? 'copy.ok' : 'create.ok')} cancelText={t('cancel')}
      onOk={() => form.submit()} onCancel={onClose} okButtonProps={{ loading: create.isPending }} destroyOnHidden>
      {mode === 'copy' ? <Typography.Paragraph type="secondary">{t('copy.hint')}</Typography.Paragraph> : null}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void send(v)} initialValues={mode === 'copy' ? defaultsFrom(latest) : defaultsFrom(undefined)}>
        {mode === 'copy' ? (
          <Form.Item name="copyFromSetId" label={t('field.source')} rules={required}>
            <Select options={sets.map((s) => ({ value: s.id, label: `${s.year} — ${s.name}` }))}
              onChange={(id: number) => form.setFieldsValue(defaultsFrom(sets.find((s) => s.id === id)))} />
          </Form.Item>
        ) : null}
        <Form.Item name="year" label={t('field.year')} rules={required}>
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="name" label={t('field.name')} rules={[...required, { min: 2, message: t('required') }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="blocks" label={t('field.blocks')} rules={required}>
          <Select mode="multiple" options={BLOCKS.map((b) => ({ value: b, label: BLOCK_LABELS[b][locale] }))} />
        </Form.Item>
        {problem ? <Alert type="error" showIcon role="alert" title={problem} /> : null}
      </Form>
    </Modal>
  );
}
