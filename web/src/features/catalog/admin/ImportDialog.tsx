import { useState } from 'react';
import { Alert, Button, Collapse, Modal, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { SHEETS } from '../../../../../src/modules/catalog/xlsx/sheets';
import { errorMessage } from '../../../shared/api';
import { useLocale, useT } from '../../../shared/i18n';
import { type ImportReport, templateUrl, useImportCatalog } from '../api';
import { useCatalogT } from '../i18n';

const SHEET_LIST = Object.values(SHEETS);

/** The sheets and columns of the XLSX template, from the definitions the importer reads. */
function TemplateSheets() {
  const t = useCatalogT();
  return (
    <>
      <Button href={templateUrl()} download icon={<DownloadOutlined />} style={{ marginBottom: 8 }}>{t('admin.template')}</Button>
      <Collapse size="small" style={{ marginBottom: 12 }} items={[{
        key: 'sheets',
        label: t('import.sheets', { n: SHEET_LIST.length }),
        children: (
          <Table size="small" rowKey="name" pagination={false} dataSource={SHEET_LIST} data-testid="catalog-import-sheets"
            columns={[
              { title: t('import.sheet'), dataIndex: 'name', width: 140, render: (v: string) => <strong>{v}</strong> },
              { title: t('import.sheetColumns'), key: 'columns', render: (_, s) => <>{s.hint}<div className="mc-cat-note">{s.columns.map((c) => c.header).join(' · ')}</div></> },
            ]} />
        ),
      }]} />
    </>
  );
}

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
      <TemplateSheets />
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
          <Alert type={report.applied ? 'success' : 'error'} showIcon title={report.summary[locale]} />
          {report.errors.length ? (
            <Table size="small" style={{ marginTop: 12 }} rowKey={(e) => `${e.sheet ?? ''}:${e.row}:${e.field ?? ''}:${e.message}`} dataSource={report.errors}
              pagination={report.errors.length > 10 ? { pageSize: 10 } : false}
              columns={[
                ...(report.errors.some((e) => e.sheet) ? [{ title: t('import.sheet'), dataIndex: 'sheet', width: 130, render: (v?: string) => v ?? '—' }] : []),
                { title: t('import.row'), dataIndex: 'row', width: 60 },
                { title: t('import.field'), key: 'where', width: 200, render: (_, e) => e.where ?? e.field ?? '—' },
                { title: t('import.message'), dataIndex: 'message' },
              ]} />
          ) : null}
        </div>
      ) : null}
    </Modal>
  );
}
