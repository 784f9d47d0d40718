import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Switch, Table, Tag, Typography } from 'antd';
import { EditOutlined, FlagFilled, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage, isApiError } from '../../../shared/api';
import { useLocale } from '../../../shared/i18n';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { applyFieldErrors } from '../../../shared/ui/formErrors';
import { isStaleVersion, useStaleVersionNotice } from '../../../shared/ui/staleVersion';
import { type Category, feedbackKeys, useSaveCategory, useStaffCategories } from '../api';
import { useFeedbackT } from '../i18n';
import { SettingsCard } from './SettingsCard';

type Values = {
  code: string; nameVi: string; nameEn: string; descriptionVi?: string; descriptionEn?: string;
  deadlineDays: number; coordinationDeadlineDays?: number | null; conduct: boolean; active: boolean; sortOrder: number;
};

function toValues(c: Category | null, next: number): Values {
  if (!c) return { code: '', nameVi: '', nameEn: '', deadlineDays: 10, coordinationDeadlineDays: null, conduct: false, active: true, sortOrder: next };
  return { code: c.code, nameVi: c.name.vi, nameEn: c.name.en, descriptionVi: c.description.vi, descriptionEn: c.description.en, deadlineDays: c.deadlineDays, coordinationDeadlineDays: c.coordinationDeadlineDays, conduct: c.conduct, active: c.active, sortOrder: c.sortOrder };
}

function Editor({ category, next, onClose }: { category: Category | null; next: number; onClose: () => void }) {
  const t = useFeedbackT();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveCategory();
  const client = useQueryClient();
  const stale = useStaleVersionNotice();
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (v: Values) => {
    setProblem(null);
    try {
      await save.mutateAsync({
        code: category?.code ?? v.code.trim(),
        name: { vi: v.nameVi.trim(), en: v.nameEn.trim() },
        description: { vi: (v.descriptionVi ?? '').trim(), en: (v.descriptionEn ?? '').trim() },
        deadlineDays: v.deadlineDays,
        coordinationDeadlineDays: v.coordinationDeadlineDays ?? null,
        conduct: v.conduct, active: v.active, sortOrder: v.sortOrder,
        ...(category?.version !== undefined ? { version: category.version } : {}),
      });
      void message.success(t('cat.saved', { code: category?.code ?? v.code }));
      onClose();
    } catch (error) {
      if (isStaleVersion(error)) {
        onClose();
        stale(() => client.invalidateQueries({ queryKey: feedbackKeys.staffCategories }));
        return;
      }
      const unmatched = applyFieldErrors(form, error, locale);
      setProblem(isApiError(error) && error.fields.length > 0 ? (unmatched.length ? unmatched.join(' ') : null) : errorMessage(error, locale));
    }
  };
  const required = [{ required: true, whitespace: true, message: t('cat.required') }];
  return (
    <Modal open title={category ? t('cat.editTitle', { code: category.code }) : t('cat.addTitle')} okText={t('common.save')} cancelText={t('common.cancel')}
      okButtonProps={{ loading: save.isPending }} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden width={680}>
      <Form form={form} layout="vertical" initialValues={toValues(category, next)} onFinish={(v) => void run(v)}>
        <Form.Item name="code" label={t('cat.code')} extra={t('cat.codeHint')}
          rules={category ? [] : [{ required: true, pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/, max: 40, message: t('cat.codeRequired') }]}>
          <Input disabled={Boolean(category)} maxLength={40} spellCheck={false} />
        </Form.Item>
        <Form.Item name="nameVi" label={t('cat.nameVi')} rules={required}><Input maxLength={200} /></Form.Item>
        <Form.Item name="nameEn" label={t('cat.nameEn')} rules={required}><Input maxLength={200} /></Form.Item>
        <Form.Item name="descriptionVi" label={t('cat.descriptionVi')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        <Form.Item name="descriptionEn" label={t('cat.descriptionEn')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        <Form.Item name="deadlineDays" label={t('cat.deadlineDays')} rules={[{ required: true, message: t('cat.required') }]}><InputNumber min={1} max={90} precision={0} /></Form.Item>
        <Form.Item name="coordinationDeadlineDays" label={t('cat.coordinationDays')} extra={t('cat.coordinationHint')}><InputNumber min={1} max={120} precision={0} /></Form.Item>
        <Form.Item name="sortOrder" label={t('cat.sortOrder')} rules={[{ required: true, message: t('cat.required') }]}><InputNumber min={0} max={10000} precision={0} /></Form.Item>
        <Form.Item name="conduct" label={t('cat.conduct')} valuePropName="checked"><Switch /></Form.Item>
        <Form.Item name="active" label={t('cat.active')} valuePropName="checked"><Switch /></Form.Item>
        {problem ? <Alert type="error" showIcon role="alert" title={problem} /> : null}
      </Form>
    </Modal>
  );
}

/** `/quan-tri/phan-anh`: the feedback categories, their time limits and the conduct flag (administrator). */
export default function CategoriesPage() {
  const t = useFeedbackT();
  const locale = useLocale();
  const list = useStaffCategories();
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const next = Math.max(0, ...(list.data ?? []).map((c) => c.sortOrder)) + 10;
  return (
    <>
      <PageHeader title={t('cat.title')} subtitle={t('cat.subtitle')} extra={<Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>{t('cat.add')}</Button>} />
      <SettingsCard />
      <Card size="small">
        {list.isError ? <ErrorResult variant="inline" error={list.error} onRetry={() => void list.refetch()} /> : (
          <Table<Category>
            aria-label={t('cat.table')}
            rowKey="code"
            size="middle"
            loading={list.isPending}
            dataSource={list.data ?? []}
            pagination={false}
            scroll={{ x: 900 }}
            columns={[
              { title: t('cat.sortOrder'), dataIndex: 'sortOrder', width: 80 },
              { title: t('cat.code'), dataIndex: 'code', width: 120, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
              { title: t('cat.nameVi'), key: 'name', render: (_, c) => <><div>{c.name[locale]}</div><Typography.Text type="secondary" style={{ fontSize: 13 }}>{c.description[locale]}</Typography.Text></> },
              { title: t('cat.deadlineDays'), dataIndex: 'deadlineDays', width: 140 },
              { title: t('cat.coordinationDays'), dataIndex: 'coordinationDeadlineDays', width: 160, render: (v: number | null) => v ?? '—' },
              { title: t('cat.conduct'), dataIndex: 'conduct', width: 130, render: (v: boolean) => (v ? <Tag color="red" icon={<FlagFilled aria-hidden />}>{t('cat.yes')}</Tag> : '—') },
              { title: t('cat.active'), dataIndex: 'active', width: 110, render: (v: boolean) => (v ? <Tag color="green">{t('cat.active')}</Tag> : <Tag>{t('cat.inactive')}</Tag>) },
              { title: t('common.actions'), key: 'edit', width: 90, render: (_, c) => <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(c)} aria-label={`${t('cat.edit')} ${c.code}`}>{t('cat.edit')}</Button> },
            ]}
          />
        )}
      </Card>
      {editing ? <Editor category={editing === 'new' ? null : editing} next={next} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
