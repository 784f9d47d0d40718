import { useEffect, useState } from 'react';
import { Button, Upload } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { errorMessage } from '../../shared/api';
import { useLocale } from '../../shared/i18n';
import { uploadFile } from './api';
import { useDirectiveT } from './i18n';

export interface UploadedFile { key: string; name: string }
type Item = { uid: string; key?: string; name: string; status: 'uploading' | 'done' | 'error' };

interface Props {
  /** Called with the files stored so far (uploading or failed ones are left out). */
  onChange: (files: UploadedFile[]) => void;
  /** True while a file is still uploading, so the form can wait before it sends. */
  onBusy?: (busy: boolean) => void;
  maxCount?: number;
  label?: string;
}

/**
 * Files are stored first (POST /files: the platform's type and size checks) and the form then names
 * them by key, as the dossier and feedback forms do.
 */
export function FileUploadField({ onChange, onBusy, maxCount = 10, label }: Props) {
  const t = useDirectiveT();
  const locale = useLocale();
  const [items, setItems] = useState<Item[]>([]);
  // Tell the form after each change of the list (upload callbacks arrive later and update it by uid).
  useEffect(() => {
    onChange(items.filter((f) => f.status === 'done' && f.key).map((f) => ({ key: f.key!, name: f.name })));
    onBusy?.(items.some((f) => f.status === 'uploading'));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items]);
  const patch = setItems;
  return (
    <Upload
      multiple
      maxCount={maxCount}
      accept=".pdf,.jpg,.jpeg,.png"
      fileList={items.map((f) => ({ uid: f.uid, name: f.name, status: f.status }))}
      onRemove={(f) => patch((cur) => cur.filter((x) => x.uid !== f.uid))}
      customRequest={({ file, onSuccess, onError }) => {
        const f = file as File & { uid: string };
        patch((cur) => [...cur, { uid: f.uid, name: f.name, status: 'uploading' }]);
        uploadFile(f).then((stored) => {
          patch((cur) => cur.map((x) => (x.uid === f.uid ? { ...x, key: stored.key, status: 'done' } : x)));
          onSuccess?.(stored);
        }, (error: unknown) => {
          patch((cur) => cur.map((x) => (x.uid === f.uid ? { ...x, status: 'error', name: `${f.name} — ${errorMessage(error, locale)}` } : x)));
          onError?.(error as Error);
        });
      }}
    >
      <Button icon={<PaperClipOutlined aria-hidden />}>{label ?? t('files.attach')}</Button>
    </Upload>
  );
}
