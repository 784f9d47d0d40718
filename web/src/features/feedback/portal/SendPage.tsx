import { useId, useState } from 'react';
import { Alert, Button, Card, Checkbox, Descriptions, Flex, Form, Input, Result, Skeleton, Typography } from 'antd';
import { IdcardOutlined, LockOutlined } from '@ant-design/icons';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { errorMessage, isApiError } from '../../../shared/api';
import { citizenSignInUrl, useCitizen } from '../../../shared/citizen';
import { formatDateTime } from '../../../shared/format';
import { useLocale } from '../../../shared/i18n';
import { usePageTitle } from '../../../shared/pageTitle';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { applyFieldErrors } from '../../../shared/ui/formErrors';
import { usePublicOfficial } from '../../org/api';
import { type Receipt, useCitizenUpload, usePublicCategories, useSubmitCitizen, useSubmitPublic } from '../api';
import { AboutFields, CategoryField, ContactFields, type FeedbackFormValues, SubjectFields, toSubmitBody } from '../FormFields';
import { useFeedbackT } from '../i18n';
import '../feedback.css';

/** The receipt: the code and the lookup key, large, with a link that opens the lookup filled in. */
export function ReceiptCard({ receipt, onAgain }: { receipt: Receipt; onAgain: () => void }) {
  const t = useFeedbackT();
  const lookup = `/phan-anh/tra-cuu?ma=${encodeURIComponent(receipt.code)}&key=${encodeURIComponent(receipt.secret)}`;
  return (
    <Result
      status="success"
      title={t('receipt.title')}
      subTitle={t('receipt.text')}
      extra={
        <Flex vertical gap={16} align="stretch" style={{ textAlign: 'start', maxWidth: 480, margin: '0 auto' }}>
          <Descriptions bordered size="small" column={1} data-testid="feedback-receipt" items={[
            { key: 'code', label: t('receipt.code'), children: <Typography.Text copyable strong className="mc-fb-secret" data-testid="receipt-code">{receipt.code}</Typography.Text> },
            { key: 'secret', label: t('receipt.secret'), children: <Typography.Text copyable strong className="mc-fb-secret" data-testid="receipt-secret">{receipt.secret}</Typography.Text> },
            { key: 'received', label: t('receipt.received'), children: formatDateTime(receipt.receivedAt) },
            { key: 'due', label: t('receipt.due'), children: receipt.dueAt ? formatDateTime(receipt.dueAt) : t('receipt.dueLater') },
          ]} />
          <Flex gap={8} wrap justify="center">
            <Link to={lookup}><Button type="primary">{t('receipt.lookup')}</Button></Link>
            <Button onClick={onAgain}>{t('send.again')}</Button>
          </Flex>
        </Flex>
      }
    />
  );
}

function Attachments({ value, onChange }: { value: { id: string; name: string }[]; onChange: (v: { id: string; name: string }[]) => void }) {
  const t = useFeedbackT();
  const id = useId();
  const upload = useCitizenUpload();
  return (
    <Flex vertical gap={6} className="mc-fb-file">
      <label htmlFor={id}>{t('send.attach')}</label>
      <input id={id} type="file" accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png" disabled={upload.isPending}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (!file) return;
          upload.mutate(file, { onSuccess: (doc) => onChange([...value, { id: doc.id, name: doc.name ?? file.name }]) });
          e.currentTarget.value = '';
        }} />
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>{t('send.attachmentsHint')}</Typography.Text>
      {upload.isError ? <Typography.Text type="danger" role="alert">{errorMessage(upload.error)}</Typography.Text> : null}
      {value.map((f) => (
        <Flex key={f.id} gap={8} align="center" wrap>
          <Typography.Text style={{ overflowWrap: 'anywhere' }}>{f.name}</Typography.Text>
          <Button size="small" onClick={() => onChange(value.filter((x) => x.id !== f.id))} aria-label={t('send.remove', { name: f.name })}>×</Button>
        </Flex>
      ))}
    </Flex>
  );
}

function OfficialSummary({ publicId }: { publicId: string }) {
  const official = usePublicOfficial(publicId);
  if (official.isPending) return <Skeleton.Input active size="small" />;
  if (official.isError) return <Typography.Text type="danger">{errorMessage(official.error)}</Typography.Text>;
  const o = official.data;
  return (
    <Flex vertical>
      <Typography.Text strong>{o.fullName}</Typography.Text>
      {o.position ? <Typography.Text>{o.position}</Typography.Text> : null}
      <Typography.Text type="secondary">{[o.unitName, o.agencyName].filter(Boolean).join(' — ')}</Typography.Text>
    </Flex>
  );
}

/**
 * `/phan-anh`: send feedback, phone-first. Anyone may send with a name and one way to be reached;
 * with the e-ID sign-in the identity fills the sender and files can be attached. `?canbo=<publicId>`
 * (the button on an official's badge page) names the official and chooses the conduct category.
 */
export default function SendPage() {
  const t = useFeedbackT();
  const locale = useLocale();
  const location = useLocation();
  const [params] = useSearchParams();
  const staffPublicId = params.get('canbo')?.trim() || undefined;
  const categories = usePublicCategories();
  const citizen = useCitizen();
  const [form] = Form.useForm<FeedbackFormValues>();
  const [files, setFiles] = useState<{ id: string; name: string }[]>([]);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const publicSubmit = useSubmitPublic();
  const citizenSubmit = useSubmitCitizen();
  usePageTitle(t('send.title'));

  const signedIn = Boolean(citizen.data);
  const submitting = publicSubmit.isPending || citizenSubmit.isPending;
  const conductCategory = categories.data?.find((c) => c.conduct)?.code;

  const send = async (values: FeedbackFormValues) => {
    setProblem(null);
    const body = toSubmitBody(values, { staffPublicId, withSubmitter: !signedIn, attachments: signedIn ? files.map((f) => f.id) : undefined });
    try {
      const r = signedIn ? await citizenSubmit.mutateAsync(body) : await publicSubmit.mutateAsync(body);
      setReceipt(r);
      window.scrollTo({ top: 0 });
    } catch (error) {
      const unmatched = applyFieldErrors(form, error, locale);
      setProblem(isApiError(error) && error.fields.length > 0 ? (unmatched.length ? unmatched.join(' ') : null) : errorMessage(error, locale));
    }
  };

  let body;
  if (receipt) {
    body = <ReceiptCard receipt={receipt} onAgain={() => { setReceipt(null); setFiles([]); form.resetFields(); }} />;
  } else if (categories.isPending || citizen.isPending) {
    body = <Skeleton active paragraph={{ rows: 8 }} />;
  } else if (categories.isError) {
    body = <ErrorResult error={categories.error} onRetry={() => void categories.refetch()} />;
  } else {
    const profile = citizen.data;
    body = (
      <>
        <Typography.Title level={1} className="mc-fb-h1">{t('send.title')}</Typography.Title>
        <Typography.Paragraph>{t('send.intro')}</Typography.Paragraph>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Link to="/phan-anh/tra-cuu">{t('pub.lookup')}</Link>
          <span aria-hidden>·</span>
          <Link to="/phan-anh/cong-khai">{t('menu.published')}</Link>
        </Flex>
        <Form<FeedbackFormValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          scrollToFirstError
          initialValues={{
            aboutKind: staffPublicId ? 'official' : 'procedure',
            categoryCode: staffPublicId ? conductCategory : undefined,
            submitter: { kind: 'person', phone: profile?.phone ?? undefined, email: profile?.email ?? undefined },
            consentToPublish: false,
          }}
          onFinish={(v) => void send(v)}
        >
          <CategoryField categories={categories.data} />
          <AboutFields fixedOfficial={staffPublicId ? <OfficialSummary publicId={staffPublicId} /> : undefined} />
          <SubjectFields />
          <Typography.Title level={2} className="mc-fb-h2">{t('send.who')}</Typography.Title>
          {profile ? (
            <>
              <Alert type="success" showIcon icon={<IdcardOutlined aria-hidden />} title={t('send.signedIn', { name: profile.fullName })} style={{ marginBottom: 12 }} />
              <Form.Item name={['submitter', 'phone']} label={t('send.phone')}><Input maxLength={20} inputMode="tel" autoComplete="tel" /></Form.Item>
              <Form.Item name={['submitter', 'email']} label={t('send.email')} rules={[{ type: 'email' }]}><Input maxLength={200} inputMode="email" autoComplete="email" /></Form.Item>
              <Form.Item label={t('send.attachments')}>
                <Attachments value={files} onChange={setFiles} />
              </Form.Item>
            </>
          ) : (
            <>
              <Card size="small" style={{ marginBottom: 16, background: '#fafafa' }}>
                <Typography.Paragraph style={{ marginBottom: 8 }}>{t('send.signInText')}</Typography.Paragraph>
                <Button icon={<IdcardOutlined aria-hidden />} href={citizenSignInUrl(`${location.pathname}${location.search}`)}>{t('send.signInTitle')}</Button>
              </Card>
              <ContactFields />
            </>
          )}
          <Form.Item name="consentToPublish" valuePropName="checked">
            <Checkbox>{t('send.consent')}</Checkbox>
          </Form.Item>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            <LockOutlined aria-hidden /> {t('send.privacy')}
          </Typography.Paragraph>
          {problem ? <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} /> : null}
          <Button type="primary" size="large" htmlType="submit" loading={submitting} block>{t('send.submit')}</Button>
        </Form>
      </>
    );
  }
  return (
    <div className="mc-container mc-fb-page">
      <Card className="mc-fb-card">{body}</Card>
    </div>
  );
}
