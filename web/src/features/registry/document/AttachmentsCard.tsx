import { useState } from 'react';
import { App, Button, Checkbox, Flex, Table, Tag, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CheckCircleOutlined, CloseCircleOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { errorMessage } from '../../../shared/api';
import { formatDateTime, formatNumber } from '../../../shared/format';
import { useLocale } from '../../../shared/i18n';
import { attachmentUrl, useUploadAttachment } from '../api';
import { useRegistryT } from '../i18n';
import { EmptyText } from '../tags';
import type { Attachment, SignatureCheck } from '../types';

/**
 * What checking a PDF's digital signatures found, in the words the brief fixes: valid (who, for which
 * organisation, when), NOT valid (why), or none. Not a PDF: nothing to say.
 */
export function SignatureResult({ check }: { check: SignatureCheck | null }) {
  const t = useRegistryT();
  if (!check) return <Typography.Text type="secondary">—</Typography.Text>;
  if (check.status === 'none' || check.signatures.length === 0) return <Typography.Text type="secondary" data-signature="none">{t('sig.none')}</Typography.Text>;
  return (
    <Flex vertical gap={2}>
      {check.signatures.map((s, i) => (s.valid && s.coversWholeFile ? (
        <Typography.Text key={i} type="success" data-signature="valid">
          <CheckCircleOutlined aria-hidden /> {t('sig.valid', { signer: s.signer ?? '?', organisation: s.organisation ?? '?', time: s.signedAt ? formatDateTime(s.signedAt) : '?' })}
        </Typography.Text>
      ) : (
        <Typography.Text key={i} type="danger" strong data-signature="invalid">
          <CloseCircleOutlined aria-hidden /> {t('sig.invalid', { problem: s.problem ?? (s.coversWholeFile ? t('sig.unknownProblem') : t('sig.partial')) })}
        </Typography.Text>
      )))}
    </Flex>
  );
}

/** The document's files: download, the signature check of each PDF, and adding one (multipart, one file). */
export function AttachmentsCard({ docId, attachments, mayUpload }: { docId: number; attachments: Attachment[]; mayUpload: boolean }) {
  const t = useRegistryT();
  const locale = useLocale();
  const { message } = App.useApp();
  const upload = useUploadAttachment(docId);
  const [main, setMain] = useState(false);
  const columns: ColumnsType<Attachment> = [
    {
      title: t('att.file'), key: 'file',
      render: (_, a) => (
        <span style={{ overflowWrap: 'anywhere' }}>
          <a href={attachmentUrl(docId, a.id)} target="_blank" rel="noopener"><PaperClipOutlined aria-hidden /> {a.fileName}</a>
          {a.main ? <Tag color="blue" style={{ marginInlineStart: 8 }}>{t('att.main')}</Tag> : null}
        </span>
      ),
    },
    { title: t('att.size'), dataIndex: 'size', width: 110, align: 'right', render: (n: number) => `${formatNumber(Math.ceil(n / 1024))} KB` },
    { title: t('att.signature'), key: 'sig', render: (_, a) => <SignatureResult check={a.signatures} /> },
    { title: t('att.added'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
  ];
  return (
    <>
      <div className="mc-reg-scroll" tabIndex={0} role="region" aria-label={t('att.title')}>
        <Table<Attachment> aria-label={t('att.title')} data-testid="registry-attachments" rowKey="id" size="small" columns={columns} dataSource={attachments}
          pagination={false} locale={{ emptyText: <EmptyText>{t('att.empty')}</EmptyText> }} />
      </div>
      {mayUpload ? (
        <Flex gap={12} wrap align="center" style={{ marginTop: 12 }}>
          <Upload showUploadList={false} maxCount={1} accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png,.zip"
            customRequest={({ file, onSuccess, onError }) => {
              upload.mutateAsync({ file: file as File, main }).then((a) => {
                void message.success(t('att.uploaded', { name: a.fileName }));
                onSuccess?.(a);
              }, (error: unknown) => {
                void message.error(errorMessage(error, locale), 8);
                onError?.(error as Error);
              });
            }}>
            <Button icon={<UploadOutlined aria-hidden />} loading={upload.isPending}>{t('att.upload')}</Button>
          </Upload>
          <Checkbox checked={main} onChange={(e) => setMain(e.target.checked)}>{t('att.asMain')}</Checkbox>
        </Flex>
      ) : null}
    </>
  );
}
