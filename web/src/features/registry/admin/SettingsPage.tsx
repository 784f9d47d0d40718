import { useRef, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Radio, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { errorMessage, isApiError } from '../../../shared/api';
import { useLocale, useT } from '../../../shared/i18n';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { applyFieldErrors } from '../../../shared/ui/formErrors';
import { foldVietnamese } from '../../org/tree';
import { useAgencies, useSaveSettings } from '../api';
import { useRegistryT } from '../i18n';
import { UnitPicker } from '../pickers';
import { EmptyText } from '../tags';
import type { Agency } from '../types';
import '../registry.css';

interface Values { unitId?: number; symbol?: string; placeName?: string; managingBody?: string; numbering?: Agency['numbering'] }

/**
 * `/quan-tri/van-thu`: which units keep a records office (an agency numbers and registers its own
 * documents) and how: the symbol printed in every number and symbol, the place name of the date line,
 * the managing body above the agency's name, one series or one per type (Decree 30 art. 15, Appendix I).
 */
export default function SettingsPage() {
  const t = useRegistryT();
  const agencies = useAgencies();
  const [editing, setEditing] = useState<Agency | 'new' | null>(null);
  const [q, setQ] = useState('');
  const key = foldVietnamese(q.trim());
  const shown = (agencies.data ?? []).filter((a) => !key || foldVietnamese(`${a.unitName} ${a.symbol}`).includes(key));
  const columns: ColumnsType<Agency> = [
    { title: t('settings.agency'), dataIndex: 'unitName' },
    { title: t('settings.symbol'), dataIndex: 'symbol', width: 120, render: (s: string) => <Typography.Text strong>{s}</Typography.Text> },
    { title: t('settings.placeName'), dataIndex: 'placeName', width: 160 },
    { title: t('settings.managingBody'), dataIndex: 'managingBody', render: (v: string | null) => v || '—' },
    { title: t('settings.numbering'), dataIndex: 'numbering', width: 250, render: (v: Agency['numbering']) => t(`settings.numbering.${v}`) },
    {
      title: t('settings.edit'), key: 'edit', width: 110,
      render: (_, a) => (a.may.configure ? <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(a)} aria-label={t('settings.editOne', { name: a.unitName })}>{t('settings.edit')}</Button> : null),
    },
  ];
  return (
    <>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')}
        extra={<Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>{t('settings.add')}</Button>} />
      <Card size="small">
        {agencies.isError ? <ErrorResult variant="inline" error={agencies.error} onRetry={() => void agencies.refetch()} /> : (
          <>
          <Input.Search aria-label={t('settings.search')} placeholder={t('settings.search')} allowClear value={q} onChange={(e) => setQ(e.target.value)} style={{ maxWidth: 400, marginBottom: 12 }} />
          <Table<Agency> aria-label={t('settings.title')} data-testid="registry-settings" rowKey="unitId" size="middle" columns={columns} dataSource={shown}
            loading={agencies.isPending} pagination={false} scroll={{ x: 900 }} locale={{ emptyText: <EmptyText>{t('settings.empty')}</EmptyText> }} />
          </>
        )}
      </Card>
      {editing ? <SettingsDialog agency={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

function SettingsDialog({ agency, onClose }: { agency: Agency | null; onClose: () => void }) {
  const t = useRegistryT();
  const ts = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const save = useSaveSettings();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const busy = useRef(false);
  const send = async (v: Values) => {
    if (busy.current) return;
    busy.current = true;
    setProblem(null);
    try {
      await save.mutateAsync({
        unitId: Number(agency?.unitId ?? v.unitId), symbol: (v.symbol ?? '').trim().toUpperCase(), placeName: (v.placeName ?? '').trim(),
        managingBody: v.managingBody?.trim() || undefined, numbering: v.numbering ?? 'per_type', version: agency?.version,
      });
      void message.success(t('settings.saved'));
      onClose();
    } catch (error) {
      const unmatched = applyFieldErrors(form, error, locale);
      setProblem(isApiError(error) && error.fields.length ? (unmatched.length ? unmatched.join(' ') : null) : errorMessage(error, locale));
    } finally {
      busy.current = false;
    }
  };
  const required = [{ required: true, whitespace: true, message: t('form.required') }];
  return (
    <Modal open title={agency ? t('settings.editOne', { name: agency.unitName }) : t('settings.add')} okText={ts('action.save')} cancelText={ts('action.cancel')}
      okButtonProps={{ loading: save.isPending }} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden width={560}>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void send(v)}
        initialValues={agency ? { symbol: agency.symbol, placeName: agency.placeName, managingBody: agency.managingBody ?? '', numbering: agency.numbering } : { numbering: 'per_type' }}>
        {agency ? null : (
          <Form.Item name="unitId" label={t('settings.agency')} rules={[{ required: true, message: t('form.required') }]}><UnitPicker aria-label={t('settings.agency')} /></Form.Item>
        )}
        <Form.Item name="symbol" label={t('settings.symbol')} rules={required} extra={t('settings.symbolHint')}><Input maxLength={25} /></Form.Item>
        <Form.Item name="placeName" label={t('settings.placeName')} rules={required} extra={t('settings.placeNameHint')}><Input maxLength={60} /></Form.Item>
        <Form.Item name="managingBody" label={t('settings.managingBody')} extra={t('settings.managingBodyHint')}><Input maxLength={200} /></Form.Item>
        <Form.Item name="numbering" label={t('settings.numbering')}>
          <Radio.Group options={[{ value: 'per_type', label: t('settings.numbering.per_type') }, { value: 'single', label: t('settings.numbering.single') }]} />
        </Form.Item>
        {problem ? <Alert type="error" showIcon role="alert" title={problem} /> : null}
      </Form>
    </Modal>
  );
}
