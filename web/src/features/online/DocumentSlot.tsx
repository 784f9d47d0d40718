import { Button, Flex, Select, Tag, Typography } from 'antd';
import { useEffect, useId, useRef } from 'react';
import { errorMessage } from '../../shared/api';
import { type StoredDocument, useUpload } from './api';
import { useOnlineT } from './messages';

type Props = {
  name: string;
  required?: boolean;
  note?: string | null;
  fileId: string | null;
  fileName: string | null;
  draftId?: string;
  store: StoredDocument[];
  onChange: (fileId: string | null) => void;
};

/**
 * One document of a filing: a real file input (keyboard and screen-reader friendly, and what a phone
 * offers its camera to), or a document already in the citizen's store. Labels name the document.
 */
export function DocumentSlot({ name, required, note, fileId, fileName, draftId, store, onChange }: Props) {
  const t = useOnlineT();
  const id = useId();
  const upload = useUpload();
  // The control that had the focus goes away when a file is attached (or removed): the focus follows
  // to what replaces it in this slot, so a keyboard user is not sent back to the top of the page.
  const slot = useRef<HTMLDivElement>(null);
  const moveFocus = useRef(false);
  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    // Only if the focus is still lost: a person who has tabbed on while the file was saved stays put.
    const active = document.activeElement;
    if (active && active !== document.body && !slot.current?.contains(active)) return;
    slot.current?.querySelector<HTMLElement>(fileId ? '[data-attached]' : 'input[type=file]')?.focus();
  }, [fileId]);
  const change = (id: string | null) => {
    moveFocus.current = !!slot.current?.contains(document.activeElement) || document.activeElement === document.body;
    onChange(id);
  };
  return (
    <div className="mc-online-slot" data-document={name} ref={slot}>
      <Flex gap={8} wrap align="center">
        <Typography.Text strong>{name}</Typography.Text>
        <Tag color={required ? 'red' : 'default'}>{t(required ? 'file.required' : 'file.optional')}</Tag>
      </Flex>
      {note ? <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>{note}</Typography.Paragraph> : null}
      {fileId ? (
        <Flex gap={8} wrap align="center">
          <Typography.Text type="success" data-attached tabIndex={-1}>{t('file.attached', { file: fileName ?? fileId })}</Typography.Text>
          <Button size="small" onClick={() => change(null)}>{t('file.remove')}</Button>
        </Flex>
      ) : (
        <Flex vertical gap={6}>
          <label htmlFor={`${id}-file`}>{t('file.upload', { name })}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
            disabled={upload.isPending}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (!file) return;
              upload.mutate({ file, ...(draftId ? { draftId } : {}) }, { onSuccess: (doc) => change(doc.id) });
              e.currentTarget.value = '';
            }}
          />
          {upload.isError ? <Typography.Text type="danger" role="alert">{errorMessage(upload.error)}</Typography.Text> : null}
          {store.length ? (
            <>
              <label htmlFor={`${id}-pick`}>{t('file.pick', { name })}</label>
              <Select id={`${id}-pick`} style={{ maxWidth: '100%' }} placeholder="—" allowClear options={store.map((d) => ({ value: d.id, label: d.name }))} onChange={(v: string | undefined) => change(v ?? null)} />
            </>
          ) : null}
        </Flex>
      )}
    </div>
  );
}
