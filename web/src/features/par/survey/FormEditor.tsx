import { useEffect, useMemo } from 'react';
import { App, Button, Card, Flex, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { BLOCK_LABELS, type Block } from '../../../../../src/modules/par/labels';
import { errorMessage, isApiError } from '../../../shared/api';
import { useLocale } from '../../../shared/i18n';
import { applyFieldErrors } from '../../../shared/ui/formErrors';
import { isStaleVersion, useStaleVersionNotice } from '../../../shared/ui/staleVersion';
import { type FormBody, type FormsView, type SurveyForm, useSaveForm } from './api';
import { useSurveyT } from './messages';

const DEFAULT_KEYS = ['A', 'B', 'C', 'D', 'E'] as const;

/** Adds a form or edits one (before anyone answers it): code, group, blocks, questions mapped to survey criteria. */
export function FormEditor({ view, form: editing, open, onClose }: { view: FormsView; form: SurveyForm | null; open: boolean; onClose: () => void }) {
  const t = useSurveyT();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormBody>();
  const save = useSaveForm(view.round.id);
  const stale = useStaleVersionNotice();
  const blocks = Form.useWatch('blocks', form) ?? [];
  const defaultOptions = () => DEFAULT_KEYS.map((key) => ({ key, text: t(`option.${key}`) }));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(editing
      ? { code: editing.code, name: editing.name, respondentGroup: editing.respondentGroup, blocks: editing.blocks as Block[], questions: editing.questions }
      : { blocks: [], questions: [{ id: 'C1', text: '', criterionCode: '', options: defaultOptions() }] });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, editing]);

  const blockOptions = useMemo(() => [...new Set(view.units.map((u) => u.block))].map((b) => ({ value: b, label: BLOCK_LABELS[b as Block]?.[locale] ?? b })), [view.units, locale]);
  const criteria = view.criteria.filter((c) => blocks.length === 0 || c.blocks.some((b) => blocks.includes(b as Block)));

  // An empty weight field reads as null; the API takes "no weight" as the field left out (weight 1).
  const submit = (values: FormBody) => save.mutate(
    { ...(editing ? { formId: editing.id, version: editing.version } : {}), body: { ...values, questions: values.questions.map(({ weight, ...q }) => (weight == null ? q : { ...q, weight })) } },
    {
      onSuccess: () => { message.success(t('editor.saved')); onClose(); },
      onError: (error) => {
        if (isStaleVersion(error)) { stale(onClose); return; }
        const rest = applyFieldErrors(form, error, locale);
        if (!isApiError(error) || error.fields.length === 0) message.error(errorMessage(error, locale));
        else if (rest.length) message.error(rest.join(' '));
      },
    },
  );

  return (
    <Modal
      open={open}
      width={860}
      title={editing ? t('editor.titleEdit', { code: editing.code }) : t('editor.titleNew')}
      okText={t('editor.save')}
      cancelText={t('cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark>
        <Flex gap={12} wrap>
          <Form.Item name="code" label={t('editor.code')} rules={[{ required: true, message: t('required') }]} style={{ flex: '0 1 120px' }}>
            <Input maxLength={20} placeholder={t('editor.codeHint')} />
          </Form.Item>
          <Form.Item name="name" label={t('editor.name')} rules={[{ required: true, message: t('required') }]} style={{ flex: '1 1 320px' }}>
            <Input maxLength={300} />
          </Form.Item>
        </Flex>
        <Form.Item name="respondentGroup" label={t('editor.group')} rules={[{ required: true, message: t('required') }]}>
          <Input maxLength={300} placeholder={t('editor.groupHint')} />
        </Form.Item>
        <Form.Item name="blocks" label={t('editor.blocks')} rules={[{ required: true, message: t('required') }]}>
          <Select mode="multiple" options={blockOptions} placeholder={t('select')} />
        </Form.Item>
        {blocks.length > 0 && criteria.length === 0 ? <Typography.Text type="warning">{t('editor.noCriteria')}</Typography.Text> : null}
        <Typography.Title level={5}>{t('editor.questions')}</Typography.Title>
        <Form.List name="questions">
          {(fields, { add, remove }) => (
            <Flex vertical gap={12}>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={t('editor.question', { n: index + 1 })}
                  extra={fields.length > 1 ? <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('editor.removeQuestion')} onClick={() => remove(field.name)} /> : null}
                >
                  <Flex gap={12} wrap>
                    <Form.Item name={[field.name, 'id']} label={t('editor.qId')} rules={[{ required: true, message: t('required') }]} style={{ flex: '0 1 110px' }}>
                      <Input maxLength={20} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'criterionCode']} label={t('editor.criterion')} rules={[{ required: true, message: t('required') }]} style={{ flex: '1 1 300px' }}>
                      <Select showSearch optionFilterProp="label" placeholder={t('select')} options={criteria.map((c) => ({ value: c.code, label: `${c.code}. ${c.text}` }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'weight']} label={t('editor.weight')} style={{ flex: '0 1 130px' }}>
                      <InputNumber min={0.01} max={100} style={{ width: '100%' }} placeholder="1" />
                    </Form.Item>
                  </Flex>
                  <Form.Item name={[field.name, 'text']} label={t('editor.qText')} rules={[{ required: true, message: t('required') }]}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
                  </Form.Item>
                  <Typography.Text strong>{t('editor.options')}</Typography.Text>
                  <Form.List name={[field.name, 'options']}>
                    {(opts, ops) => (
                      <Flex vertical gap={4} style={{ marginTop: 8 }}>
                        {opts.map((opt) => (
                          <Space.Compact key={opt.key} style={{ width: '100%' }}>
                            <Form.Item name={[opt.name, 'key']} noStyle rules={[{ required: true, message: t('required') }]}>
                              <Input style={{ width: 56 }} maxLength={1} aria-label={t('editor.optionKey')} />
                            </Form.Item>
                            <Form.Item name={[opt.name, 'text']} noStyle rules={[{ required: true, message: t('required') }]}>
                              <Input aria-label={t('editor.optionText')} maxLength={300} />
                            </Form.Item>
                            <Button
                              icon={<DeleteOutlined />}
                              disabled={opts.length <= 2}
                              aria-label={t('editor.removeOption', { key: String(form.getFieldValue(['questions', field.name, 'options', opt.name, 'key']) ?? '') })}
                              onClick={() => ops.remove(opt.name)}
                            />
                          </Space.Compact>
                        ))}
                        {opts.length < 8 ? (
                          <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => ops.add({ key: 'ABCDEFGH'[opts.length], text: '' })} style={{ alignSelf: 'flex-start' }}>
                            {t('editor.addOption')}
                          </Button>
                        ) : null}
                      </Flex>
                    )}
                  </Form.List>
                </Card>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ id: `C${fields.length + 1}`, text: '', criterionCode: '', options: defaultOptions() })}>
                {t('editor.addQuestion')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
