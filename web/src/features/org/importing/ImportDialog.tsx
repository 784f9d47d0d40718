import { useState } from 'react';
import { Alert, Button, Collapse, Flex, Modal, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { errorMessage } from '../../../shared/api';
import { useLocale, useT } from '../../../shared/i18n';
import { type ImportColumn, type ImportKind, type ImportResult, importTemplateUrl, useImport, useImportColumns } from '../api';
import { useOrgT } from '../i18n';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function acceptable(file: File): boolean {
  return /\.(csv|xlsx)$/i.test(file.name);
}

interface Props {
  kind: ImportKind;
  open: boolean;
  onClose: () => void;
}

/** The columns the importer reads, with the template to fill in. */
function Columns({ kind, open }: { kind: ImportKind; open: boolean }) {
  const t = useOrgT();
  const locale = useLocale();
  const columns = useImportColumns(kind, open);
  const required = (c: ImportColumn) => (c.required === 'no' ? null : <Tag color={c.required === 'always' ? 'red' : 'orange'}>{c.requiredLabel[locale]}</Tag>);
  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
        <Button href={importTemplateUrl(kind, 'xlsx')} download icon={<DownloadOutlined />}>{t('import.templateXlsx')}</Button>
        <Button href={importTemplateUrl(kind, 'csv')} download type="link">{t('import.templateCsv')}</Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t(kind === 'units' ? 'import.rulesUnits' : 'import.rulesStaff')}</Typography.Paragraph>
      <Collapse
        size="small"
        style={{ marginBottom: 12 }}
        items={[{
          key: 'columns',
          label: t('import.columns', { n: columns.data?.columns.length ?? '…' }),
          children: (
            <Table<ImportColumn>
              size="small"
              rowKey="key"
              loading={columns.isPending}
              dataSource={columns.data?.columns ?? []}
              pagination={false}
              data-testid={`import-${kind}-columns`}
              columns={[
                { title: t('import.column'), key: 'label', width: 170, render: (_, c) => <><strong>{c.label[locale]}</strong><div>{required(c)}</div></> },
                { title: t('import.howTo'), key: 'hint', render: (_, c) => c.hint[locale] },
                { title: t('import.example'), dataIndex: 'example', width: 150, render: (v: string) => (v ? <Typography.Text code>{v}</Typography.Text> : '—') },
              ]}
            />
          ),
        }]}
      />
    </>
  );
}

function Result({ result }: { result: ImportResult }) {
  const t = useOrgT();
  const locale = useLocale();
  const type = result.outcome === 'imported' ? (result.ignoredColumns.length ? 'info' : 'success') : result.outcome === 'partly_imported' ? 'warning' : 'error';
  return (
    <div style={{ marginTop: 16 }} data-testid="import-result">
      <Alert type={type} showIcon title={result.summary[locale]} />
      {result.errors.length ? (
        <Table
          size="small"
          style={{ marginTop: 12 }}
          rowKey={(row) => `${row.row}:${row.field ?? ''}:${row.message}`}
          dataSource={result.errors}
          pagination={result.errors.length > 10 ? { pageSize: 10 } : false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('import.row'), dataIndex: 'row', width: 70 },
            { title: t('import.field'), key: 'column', width: 160, render: (_, e) => e.column?.[locale] ?? '—' },
            { title: t('import.message'), key: 'message', render: (_, e) => (locale === 'en' ? e.messageEn : e.message) },
          ]}
        />
      ) : null}
    </div>
  );
}

/** Upload a CSV/XLSX file built on the template; rows the server rejects are listed by row and column. */
export function ImportDialog({ kind, open, onClose }: Props) {
  const t = useOrgT();
  const ts = useT();
  const locale = useLocale();
  const upload = useImport(kind);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  const reset = () => {
    setFile(null);
    setProblem(null);
    setResult(null);
    upload.reset();
  };

  const submit = async () => {
    if (!file) return setProblem(t('import.noFile'));
    setProblem(null);
    try {
      setResult(await upload.mutateAsync(file));
    } catch (error) {
      setProblem(errorMessage(error, locale));
    }
  };

  return (
    <Modal
      open={open}
      title={t(kind === 'units' ? 'import.unitsTitle' : 'import.staffTitle')}
      okText={t('import.upload')}
      cancelText={ts('action.close')}
      onOk={() => void submit()}
      okButtonProps={{ disabled: !file, loading: upload.isPending }}
      onCancel={onClose}
      afterClose={reset}
      width={780}
      destroyOnHidden
    >
      <Columns kind={kind} open={open} />
      <Upload.Dragger
        accept={ACCEPT}
        maxCount={1}
        fileList={file ? [{ uid: 'import', name: file.name, status: 'done' }] : []}
        beforeUpload={(picked) => {
          if (!acceptable(picked)) {
            setProblem(t('import.badType'));
            return Upload.LIST_IGNORE;
          }
          setFile(picked);
          setProblem(null);
          setResult(null);
          return false; // keep the file; it is sent when the user presses "Tải lên"
        }}
        onRemove={() => {
          setFile(null);
          setResult(null);
        }}
        data-testid={`import-${kind}-file`}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('import.drop')}</p>
        <p className="ant-upload-hint">{t('import.formats')}</p>
      </Upload.Dragger>
      {problem ? <Alert type="error" showIcon role="alert" title={problem} style={{ marginTop: 16 }} /> : null}
      {result ? <Result result={result} /> : null}
    </Modal>
  );
}
