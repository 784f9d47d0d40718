import { Button, Checkbox, Empty, Flex, Form, InputNumber, Tag, Typography } from 'antd';
import { CheckSquareOutlined } from '@ant-design/icons';
import type { AttachedFile, CatalogueDocument, ReceivedDocument } from '../api';
import { ScanInput } from '../files/ScanInput';
import { useDossierT } from '../i18n';

/** A row of the checklist as the form holds it; `file` is the document's scan (digitised at reception). */
export interface DocumentRow extends ReceivedDocument {
  received: boolean;
  file?: AttachedFile;
}

export function rowsFor(docs: readonly CatalogueDocument[]): DocumentRow[] {
  return docs.map((d) => ({
    name: d.name,
    received: false,
    originals: d.originals ?? 0,
    copies: d.copies ?? 0,
    certifiedCopies: d.certifiedCopies ?? 0,
  }));
}

/** Documents the catalogue requires (not "if any") that are not ticked. */
export function missingDocuments(docs: readonly CatalogueDocument[], rows: readonly (DocumentRow | undefined)[] | undefined): string[] {
  return docs.filter((d, i) => !d.optional && !rows?.[i]?.received).map((d) => d.name);
}

const COUNTS = ['originals', 'copies', 'certifiedCopies'] as const;

/** The procedure's document list (Decree 63/2010 art. 8): tick what was received, with counts. */
export function DocumentChecklist({ docs }: { docs: readonly CatalogueDocument[] }) {
  const t = useDossierT();
  const form = Form.useFormInstance();
  if (docs.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('intake.documentsEmpty')} />;
  const tickAll = () => {
    const rows = (form.getFieldValue('documents') as DocumentRow[] | undefined) ?? [];
    form.setFieldValue('documents', rows.map((r) => ({ ...r, received: true })));
  };
  return (
    <>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('intake.documentsHint')}</Typography.Text>
        <Button size="small" icon={<CheckSquareOutlined aria-hidden />} onClick={tickAll}>
          {t('intake.tickAll')}
        </Button>
      </Flex>
      <ol className="mc-checklist">
        {docs.map((doc, index) => (
          <li key={`${index}-${doc.name}`}>
            <Flex gap={12} wrap align="flex-start" justify="space-between">
              <div style={{ flex: '1 1 280px', minWidth: 0 }}>
                <Form.Item name={['documents', index, 'received']} valuePropName="checked" noStyle>
                  <Checkbox>
                    {doc.name}
                    {doc.optional ? <Tag style={{ marginInlineStart: 8 }}>{t('intake.optional')}</Tag> : null}
                    {doc.presentOnly ? <Tag color="blue" style={{ marginInlineStart: 8 }}>{t('intake.presentOnly')}</Tag> : null}
                  </Checkbox>
                </Form.Item>
                {doc.presentOnly ? null : (
                  <div style={{ paddingInlineStart: 24, marginTop: 4 }}>
                    <Form.Item name={['documents', index, 'file']} noStyle>
                      <ScanInput
                        label={t('files.scanOf', { name: doc.name })}
                        // Form.Item stores the file and calls this too: a paper scanned at the counter was received.
                        onChange={(file) => { if (file) form.setFieldValue(['documents', index, 'received'], true); }}
                      />
                    </Form.Item>
                  </div>
                )}
                {doc.note ? (
                  <div style={{ paddingInlineStart: 24 }}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {doc.note}
                    </Typography.Text>
                  </div>
                ) : null}
              </div>
              <Flex gap={8}>
                {COUNTS.map((key) => (
                  <label key={key} className="mc-count">
                    <span>{t(`intake.${key}`)}</span>
                    <Form.Item name={['documents', index, key]} noStyle>
                      <InputNumber min={0} max={100} precision={0} size="small" aria-label={`${t(`intake.${key}`)}: ${doc.name}`} style={{ width: 72 }} />
                    </Form.Item>
                  </label>
                ))}
              </Flex>
            </Flex>
          </li>
        ))}
      </ol>
    </>
  );
}
