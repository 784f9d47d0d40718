import { useState } from 'react';
import { Alert, Modal, Table, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { errorMessage } from '../../../shared/api';
import { useLocale, useT } from '../../../shared/i18n';
import { type ImportReport, useImportCatalog } from '../api';
import { useCatalogT } from '../i18n';

/** Upload a JSON or XLSX catalogue; the report lists every error by sheet, row and field. */
export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useCatalogT();
  const ts = useT();
  const locale = useLocale();
  const upload = useImportCatalog();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);

  const submit = async () => {
    if (!file) return;
    setProblem(null);
    try {
      setReport(await upload.mutateAsync(file));
    } catch (error) {
      setProblem(errorMessage(error, locale));
    }
  };

  return (
    <Modal open={open} title={t('import.title')} okText={t('import.upload')} cancelText={ts('action.close')} onOk={() => void submit()}
      okButtonProps={{ disabled: !file, loading: upload.isPending }} onCancel={onClose} width={820} destroyOnHidden
      afterClose={() => { setFile(null); setReport(null); setProblem(null); upload.reset(); }}>
      <Typography.Paragraph type="secondary">{t('import.hint')}</Typography.Paragraph>
      <Upload.Dragger accept=".json,.xlsx,application/json" maxCount={1} fileList={file ? [{ uid: 'f', name: file.name, status: 'done' }] : []}
        beforeUpload={(picked) => {
          if (!/\.(json|xlsx)$/i.test(picked.name)) {
            setProblem(t('import.badType'));
            return Upload.LIST_IGNORE;
          }
          setFile(picked);
          setReport(null);
          setProblem(null);
          return false;
        }}
        onRemove={() => { setFile(null); setReport(null); }}
        data-testid="catalog-import-file">
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p className="ant-upload-text">{t('import.drop')}</p>
      </Upload.Dragger>
      {problem ? <Alert type="error" showIcon role="alert" title={problem} style={{ marginTop: 16 }} /> : null}
      {report ? (
        <div style={{ marginTop: 16 }} data-testid="catalog-import-report">
          <Alert type={report.applied ? 'success' : 'error'} showIcon
            title={report.applied ? t('import.done', { created: report.created, updated: report.updated, unchanged: report.unchanged }) : t('import.failed', { n: report.errors.length })} />
          {report.errors.length ? (
            <Table size="small" style={{ marginTop: 12 }} rowKey={(e) => `${e.sheet ?? ''}:${e.row}:${e.field ?? ''}:${e.message}`} dataSource={report.errors}
              pagination={report.errors.length > 10 ? { pageSize: 10 } : false}
              columns={[
                ...(report.errors.some((e) => e.sheet) ? [{ title: t('import.sheet'), dataIndex: 'sheet', width: 130, render: (v?: string) => v ?? '—' }] : []),
                { title: t('import.row'), dataIndex: 'row', width: 60 },
                { title: t('import.field'), dataIndex: 'field', width: 170, render: (v?: string) => <span style={{ wordBreak: 'break-all' }}>{v ?? '—'}</span> },
                { title: t('import.message'), dataIndex: 'message' },
              ]} />
          ) : null}
        </div>
      ) : null}
    </Modal>
  );
}
