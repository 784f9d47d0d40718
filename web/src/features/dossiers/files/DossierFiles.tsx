import { Flex, List, Tag, Typography } from 'antd';
import { FileOutlined } from '@ant-design/icons';
import { formatDateTime } from '../../../shared/format';
import { type DossierDetail, dossierFileUrl, type FileRef } from '../api';
import { useDossierT } from '../i18n';

/** A link that opens a file of the dossier in a new tab (the server checks who may read it). */
export function FileLink({ code, file }: { code: string; file: FileRef }) {
  return (
    <a href={dossierFileUrl(code, file.key)} target="_blank" rel="noopener noreferrer" data-file={file.key}>
      <FileOutlined aria-hidden /> {file.name}
    </a>
  );
}

/** The digital flags of a dossier as tags (rules/digital.ts). */
export function DigitalTags({ d }: { d: Pick<DossierDetail, 'digitised' | 'resultDigitised' | 'paidOnline' | 'fullyOnline'> }) {
  const t = useDossierT();
  const tags = [
    d.digitised ? <Tag key="d" color="green" data-flag="digitised">{t('files.flagDigitised')}</Tag> : <Tag key="d" data-flag="not-digitised">{t('files.flagNotDigitised')}</Tag>,
    d.resultDigitised ? <Tag key="r" color="green">{t('files.flagResultDigitised')}</Tag> : null,
    d.paidOnline ? <Tag key="p" color="blue">{t('files.flagPaidOnline')}</Tag> : null,
    d.fullyOnline ? <Tag key="f" color="purple">{t('files.flagFullyOnline')}</Tag> : null,
  ];
  return <Flex gap={4} wrap>{tags}</Flex>;
}

/**
 * The received documents with whether each is digitised and its scans, the papers scanned with a
 * supplement, the drafts and the issued result: everything downloadable from the dossier.
 */
export function DossierFiles({ d }: { d: DossierDetail }) {
  const t = useDossierT();
  const counts = (doc: DossierDetail['documents'][number]) =>
    (['originals', 'copies', 'certifiedCopies'] as const).filter((k) => doc[k] > 0).map((k) => `${t(`intake.${k}`)}: ${doc[k]}`).join(', ') || '—';
  return (
    <Flex vertical gap={12}>
      <DigitalTags d={d} />
      {d.documents.length > 0 ? (
        <ol style={{ margin: 0, paddingInlineStart: 18 }} aria-label={t('detail.documents')}>
          {d.documents.map((doc, i) => (
            <li key={i} style={{ marginBottom: 6 }} data-document={i} data-digitised={doc.digitised ? 'yes' : 'no'}>
              {doc.name}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}> ({counts(doc)})</Typography.Text>{' '}
              {doc.digitised ? <Tag color="green">{t('files.digitised')}</Tag> : <Tag>{t('files.notDigitised')}</Tag>}
              {doc.fileKey && !doc.scans.some((x) => x.file.key === doc.fileKey) ? (
                <div><FileLink code={d.code} file={{ key: doc.fileKey, name: doc.fileName ?? doc.name, type: 'application/pdf' }} /></div>
              ) : null}
              {doc.scans.map((x) => (
                <div key={`${x.file.key}-${x.at}`} style={{ fontSize: 12 }}>
                  <FileLink code={d.code} file={x.file} /> <Typography.Text type="secondary">· {t(`files.stage.${x.stage}`)} · {formatDateTime(x.at)}</Typography.Text>
                </div>
              ))}
            </li>
          ))}
        </ol>
      ) : null}
      {d.otherScans.length > 0 ? (
        <div>
          <Typography.Text strong>{t('files.otherScans')}</Typography.Text>
          <List size="small" dataSource={d.otherScans} renderItem={(x) => <List.Item>{x.documentName}: <FileLink code={d.code} file={x.file} /></List.Item>} />
        </div>
      ) : null}
      {d.drafts.length > 0 ? (
        <div>
          <Typography.Text strong>{t('files.drafts')}</Typography.Text>
          <List size="small" dataSource={d.drafts} renderItem={(x) => (
            <List.Item>
              <span><FileLink code={d.code} file={x.file} /> <Typography.Text type="secondary">· {x.by.name} · {formatDateTime(x.at)}{x.note ? ` · ${x.note}` : ''}</Typography.Text></span>
            </List.Item>
          )} />
        </div>
      ) : null}
      {d.resultFile ? (
        <div>
          <Typography.Text strong>{t('files.result')}</Typography.Text>{' '}
          <FileLink code={d.code} file={d.resultFile} />
        </div>
      ) : null}
      {d.deliveryAddress ? <Typography.Text type="secondary">{t('files.deliveryAddress', { address: d.deliveryAddress })}</Typography.Text> : null}
    </Flex>
  );
}
