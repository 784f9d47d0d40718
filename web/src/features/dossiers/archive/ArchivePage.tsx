import { App, Button, Card, Descriptions, Form, InputNumber, Skeleton, Table, Typography } from 'antd';
import { errorMessage } from '../../../shared/api';
import { formatDate, formatDateTime, formatNumber } from '../../../shared/format';
import { useLocale } from '../../../shared/i18n';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { applyFieldErrors } from '../../../shared/ui/formErrors';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { isStaleVersion, useStaleVersionNotice } from '../../../shared/ui/staleVersion';
import { useDossierT } from '../i18n';
import { type DossierArchiveStatus, useDossierArchive, useSaveDossierArchive } from './api';

type Values = { afterYears: number };

/**
 * The archive of closed dossiers, for the province's administrator: how many years after it closed a
 * dossier leaves the live tables (the nightly job and `npm run archive-dossiers` move it), how many
 * are due and archived, and the history's partitions with their sizes.
 */
export default function ArchivePage() {
  const t = useDossierT();
  const locale = useLocale();
  const { message } = App.useApp();
  const status = useDossierArchive();
  const save = useSaveDossierArchive();
  const stale = useStaleVersionNotice();
  const [form] = Form.useForm<Values>();
  if (status.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (status.isError) return <ErrorResult error={status.error} onRetry={() => void status.refetch()} />;
  const s = status.data;
  const submit = async (v: Values) => {
    try {
      await save.mutateAsync({ afterYears: v.afterYears, version: s.version });
      void message.success(t('archive.saved'));
    } catch (error) {
      if (isStaleVersion(error)) stale(() => status.refetch());
      else if (!applyFieldErrors(form, error, locale).length) void message.error(errorMessage(error, locale));
    }
  };
  return (
    <>
      <PageHeader title={t('archive.title')} subtitle={t('archive.subtitle')} />
      <Card size="small" title={t('archive.period')} style={{ marginBottom: 16 }}>
        <Form<Values> form={form} layout="vertical" requiredMark={false} style={{ maxWidth: 640 }} onFinish={(v) => void submit(v)}
          initialValues={{ afterYears: s.afterYears }} key={s.version}>
          <Form.Item name="afterYears" label={t('archive.afterYears')} extra={t('archive.afterYearsHint')}
            rules={[{ required: true, type: 'integer', min: 1, max: 50, message: t('archive.afterYearsRange') }]}>
            <InputNumber min={1} max={50} precision={0} addonAfter={t('archive.years')} style={{ width: 180 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>{t('archive.save')}</Button>
        </Form>
      </Card>
      <Card size="small" title={t('archive.state')} style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} items={[
          { key: 'cutoff', label: t('archive.cutoff'), children: formatDate(s.cutoff) },
          { key: 'due', label: t('archive.due'), children: `${formatNumber(s.due.n)}${s.due.more ? '+' : ''}` },
          { key: 'archived', label: t('archive.archived'), children: formatNumber(s.archived) },
        ]} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('archive.how', { at: formatDateTime(s.updatedAt) })}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={t('archive.partitions')}>
        <Table<DossierArchiveStatus['partitions'][number]>
          rowKey="partition" size="small" pagination={false} dataSource={s.partitions}
          columns={[
            { title: t('archive.col.table'), render: (_, p) => t(p.table === 'dossier_events' ? 'archive.live' : 'archive.cold') },
            { title: t('archive.col.year'), render: (_, p) => p.year ?? t('archive.default') },
            { title: t('archive.col.events'), align: 'right', render: (_, p) => formatNumber(p.events) },
            { title: t('archive.col.size'), align: 'right', render: (_, p) => `${formatNumber(Math.round(p.bytes / 1_048_576))} MB` },
          ]}
        />
      </Card>
    </>
  );
}
