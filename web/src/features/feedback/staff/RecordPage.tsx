import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Flex, Form, Result, Select, Skeleton, Typography, Upload } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { api, errorMessage, isApiError } from '../../../shared/api';
import { useLocale } from '../../../shared/i18n';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { applyFieldErrors } from '../../../shared/ui/formErrors';
import { type Receipt, STAFF_CHANNELS, useRecordFeedback, useStaffCategories } from '../api';
import { AboutFields, CategoryField, ContactFields, type FeedbackFormValues, SubjectFields, toSubmitBody } from '../FormFields';
import { useFeedbackT } from '../i18n';
import { feedbackPath } from '../roles';
import '../feedback.css';

/** `/can-bo/phan-anh/ghi-nhan`: the desk records feedback received in person, by phone, letter or e-mail. */
export default function RecordPage() {
  const t = useFeedbackT();
  const locale = useLocale();
  const categories = useStaffCategories();
  const record = useRecordFeedback();
  const [form] = Form.useForm<FeedbackFormValues>();
  const [done, setDone] = useState<Receipt | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Papers the caller hands over, scanned at the desk: stored first (POST /files, the same checks and
  // limits as a dossier's scans), then named in the record.
  const [files, setFiles] = useState<{ uid: string; key?: string; name: string; status: 'uploading' | 'done' | 'error' }[]>([]);

  const send = async (values: FeedbackFormValues) => {
    setProblem(null);
    try {
      const attachments = files.filter((f) => f.status === 'done' && f.key).map((f) => ({ key: f.key!, name: f.name }));
      setDone(await record.mutateAsync({ ...toSubmitBody(values, { withSubmitter: true }), attachments }));
      setFiles([]);
    } catch (error) {
      const unmatched = applyFieldErrors(form, error, locale);
      setProblem(isApiError(error) && error.fields.length > 0 ? (unmatched.length ? unmatched.join(' ') : null) : errorMessage(error, locale));
    }
  };

  let body;
  if (done) {
    body = (
      <Result status="success" title={t('record.done', { code: done.code, secret: done.secret })}
        extra={<Flex gap={8} wrap justify="center">
          <Link to={feedbackPath(done.code)}><Button type="primary">{t('record.open')}</Button></Link>
          <Button onClick={() => { setDone(null); form.resetFields(); }}>{t('menu.record')}</Button>
        </Flex>} />
    );
  } else if (categories.isPending) {
    body = <Skeleton active />;
  } else if (categories.isError) {
    body = <ErrorResult error={categories.error} onRetry={() => void categories.refetch()} />;
  } else {
    body = (
      <Form<FeedbackFormValues> form={form} layout="vertical" requiredMark={false} scrollToFirstError
        initialValues={{ channel: 'desk', aboutKind: 'procedure', submitter: { kind: 'person' }, consentToPublish: false }}
        onFinish={(v) => void send(v)} style={{ maxWidth: 760 }}>
        <Form.Item name="channel" label={t('record.channel')} rules={[{ required: true }]}>
          <Select options={STAFF_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} style={{ maxWidth: 320 }} />
        </Form.Item>
        <CategoryField categories={categories.data.filter((c) => c.active)} />
        <AboutFields />
        <SubjectFields />
        <Form.Item label={t('record.attachments')} extra={t('record.attachmentsHint')}>
          <Upload
            multiple
            maxCount={10}
            accept=".pdf,.jpg,.jpeg,.png"
            fileList={files.map((f) => ({ uid: f.uid, name: f.name, status: f.status }))}
            onRemove={(f) => setFiles((cur) => cur.filter((x) => x.uid !== f.uid))}
            customRequest={({ file, onSuccess, onError }) => {
              const f = file as File & { uid: string };
              setFiles((cur) => [...cur, { uid: f.uid, name: f.name, status: 'uploading' }]);
              api.upload<{ key: string; name: string }>('/files', f).then((stored) => {
                setFiles((cur) => cur.map((x) => (x.uid === f.uid ? { ...x, key: stored.key, status: 'done' } : x)));
                onSuccess?.(stored);
              }, (error: unknown) => {
                setFiles((cur) => cur.map((x) => (x.uid === f.uid ? { ...x, status: 'error', name: `${f.name} — ${errorMessage(error, locale)}` } : x)));
                onError?.(error as Error);
              });
            }}
          >
            <Button icon={<PaperClipOutlined aria-hidden />}>{t('record.attach')}</Button>
          </Upload>
        </Form.Item>
        <Typography.Title level={2} className="mc-fb-h2">{t('send.who')}</Typography.Title>
        <ContactFields />
        <Form.Item name="consentToPublish" valuePropName="checked"><Checkbox>{t('record.consent')}</Checkbox></Form.Item>
        {problem ? <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} /> : null}
        <Button type="primary" htmlType="submit" loading={record.isPending}>{t('record.submit')}</Button>
      </Form>
    );
  }
  return (
    <>
      <PageHeader title={t('record.title')} subtitle={t('record.subtitle')} />
      <Card size="small">{body}</Card>
    </>
  );
}
