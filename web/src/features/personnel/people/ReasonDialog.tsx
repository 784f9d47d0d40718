import { Form, Input, Modal, Typography } from 'antd';
import { usePeopleT } from '../i18n';

/**
 * "Lý do xem hồ sơ": a reader who is neither the person nor HR says why before the record opens; the
 * server logs the view with this reason, and the person can see it. The server wants 5 to 500 characters.
 */
export function ReasonDialog({ message, onGive, onCancel }: { message: string; onGive: (reason: string) => void; onCancel: () => void }) {
  const t = usePeopleT();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal open title={t('reason.title')} okText={t('reason.ok')} cancelText={t('cancel')} onOk={() => form.submit()} onCancel={onCancel} destroyOnHidden>
      <Typography.Paragraph type="secondary">{message}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => onGive(v.reason.trim())}>
        <Form.Item name="reason" label={t('reason.label')} rules={[{ required: true, whitespace: true, min: 5, message: t('reason.short') }]}>
          <Input.TextArea autoFocus rows={3} maxLength={500} placeholder={t('reason.placeholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
