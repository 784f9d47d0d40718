import { useState } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useStaffList } from '../../org/api';
import { useOpenRecord } from '../api-people';
import { usePeopleT } from '../i18n';
import { personPath } from '../paths';
import { DateField, Problem, useSend } from '../ui';

interface Values { staffId: number; civilServantNo?: string; recruitedOn: string }

/** HR opens a civil-servant record for a staff member (the org directory's person), then fills it through changes. */
export function OpenRecordDialog({ onClose }: { onClose: () => void }) {
  const t = usePeopleT();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const staff = useStaffList({ q: q || undefined, page: 1, pageSize: 20 });
  const open = useOpenRecord();
  const send = useSend(form, () => undefined);
  const finish = async (v: Values) => {
    let id = 0;
    if (await send.run(async () => { id = (await open.mutateAsync({ staffId: v.staffId, recruitedOn: v.recruitedOn, ...(v.civilServantNo?.trim() ? { civilServantNo: v.civilServantNo.trim() } : {}) })).id; })) {
      onClose();
      navigate(personPath(id));
    }
  };
  return (
    <Modal open title={t('open.title')} okText={t('open.ok')} cancelText={t('cancel')} onOk={() => form.submit()} onCancel={onClose} okButtonProps={{ loading: send.pending }} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void finish(v)}>
        <Form.Item name="staffId" label={t('open.staff')} rules={[{ required: true, message: t('required') }]} extra={t('open.staffHint')}>
          <Select showSearch={{ filterOption: false, onSearch: setQ }} loading={staff.isFetching} aria-label={t('open.staff')}
            options={(staff.data?.items ?? []).map((s) => ({ value: Number(s.id), label: `${s.fullName} — ${s.unitName}` }))} />
        </Form.Item>
        <Form.Item name="civilServantNo" label={t('open.civilServantNo')}><Input maxLength={30} /></Form.Item>
        <DateField name="recruitedOn" label={t('open.recruitedOn')} required={t('required')} extra={t('open.recruitedHint')} />
        <Problem text={send.problem} />
      </Form>
    </Modal>
  );
}
