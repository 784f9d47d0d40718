import { useState } from 'react';
import { Alert, Modal, Table, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { errorMessage } from '../../../shared/api';
import { useLocale, useT } from '../../../shared/i18n';
import { type ImportKind, type ImportResult, useImport } from '../api';
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

/** Upload a CSV/XLSX file; rows the server rejects are listed with their row number and reason. */
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
      width={720}
      destroyOnHidden
    >
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
      {result ? (
        <div style={{ marginTop: 16 }} data-testid="import-result">
          <Alert
            type={result.errors.length ? 'warning' : 'success'}
            showIcon
            title={t('import.result', { created: result.created, updated: result.updated })}
          />
          {result.errors.length ? (
            <>
              <Typography.Paragraph strong style={{ margin: '12px 0 8px' }}>
                {t('import.errors', { n: result.errors.length })}
              </Typography.Paragraph>
              <Table
                size="small"
                rowKey={(row) => `${row.row}:${row.field ?? ''}:${row.message}`}
                dataSource={result.errors}
                pagination={result.errors.length > 10 ? { pageSize: 10 } : false}
                scroll={{ x: 'max-content' }}
                columns={[
                  { title: t('import.row'), dataIndex: 'row', width: 70 },
                  { title: t('import.field'), dataIndex: 'field', width: 140, render: (v?: string) => v ?? '—' },
                  { title: t('import.message'), dataIndex: 'message' },
                ]}
              />
            </>
          ) : null}
        </div>
      ) : null}
    </Modal>
  );
}
