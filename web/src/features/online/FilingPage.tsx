import { Alert, Button, Card, Descriptions, Flex, Form, Input, Radio, Result, Select, Skeleton, Steps, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../shared/api';
import { RequireCitizen } from '../../shared/citizen';
import { useLocale } from '../../shared/i18n';
import { usePageTitle } from '../../shared/pageTitle';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { type Draft, useCreateDraft, useDocuments, useDraft, useSaveDraft, useSubmitDraft } from './api';
import { DocumentSlot } from './DocumentSlot';
import { useOnlineT } from './messages';
import './online.css';

const STEPS = ['applicant', 'case', 'documents', 'delivery', 'review'] as const;

/** `/cong-dan/nop-ho-so/:procedureCode`: starts a draft, or continues the one in `?draft=`. */
function FilingStart() {
  const t = useOnlineT();
  const { procedureCode = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const draftId = params.get('draft');
  const create = useCreateDraft();
  usePageTitle(t('file.title'));
  if (draftId) return <FilingForm draftId={draftId} />;
  return (
    <Card className="mc-online-card">
      <Typography.Title level={1} className="mc-online-h1">{t('file.title')}</Typography.Title>
      <Typography.Paragraph>{t('file.draftNote')}</Typography.Paragraph>
      {create.isError ? <Alert type="error" showIcon message={errorMessage(create.error)} style={{ marginBottom: 12 }} /> : null}
      <Button type="primary" size="large" loading={create.isPending} onClick={() => create.mutate({ procedureCode }, { onSuccess: (d) => setParams({ draft: d.id }) })}>
        {t('file.start')}
      </Button>
    </Card>
  );
}

function FilingForm({ draftId }: { draftId: string }) {
  const t = useOnlineT();
  const locale = useLocale();
  const navigate = useNavigate();
  const draft = useDraft(draftId);
  const store = useDocuments();
  const save = useSaveDraft(draftId);
  const submit = useSubmitDraft(draftId);
  const [step, setStep] = useState(0);
  const [local, setLocal] = useState<Draft['content'] | null>(null);
  const idempotencyKey = useMemo(() => `web-${draftId}-${crypto.randomUUID()}`, [draftId]);
  useEffect(() => { if (draft.data && !local) setLocal(draft.data.content); }, [draft.data, local]);
  // Keyboard and screen-reader users: after a step change the focus moves to the new step's heading
  // (announced, and the next Tab starts there); on first display only when the focus was lost (the
  // start button that had it is gone), so a page opened afresh keeps the browser's own start point.
  const shownStep = useRef<number | null>(null);
  const ready = !!local && !draft.isPending && !draft.isError;
  useEffect(() => {
    if (!ready) return;
    const first = shownStep.current === null;
    if (shownStep.current === step) return;
    shownStep.current = step;
    const lost = !document.activeElement || document.activeElement === document.body;
    if (!first || lost) document.getElementById(`step-${STEPS[step]}`)?.focus();
  }, [ready, step]);

  if (draft.isPending || !local) return <Skeleton active />;
  if (draft.isError) return <ErrorResult error={draft.error} onRetry={() => void draft.refetch()} />;
  const d = draft.data;
  if (d.status === 'submitted') {
    return <Result status="success" title={t('file.submitted', { code: d.dossierCode ?? '' })} extra={<Link to={`/cong-dan/ho-so/${encodeURIComponent(d.dossierCode ?? '')}`}><Button type="primary">{t('menu.mine')}</Button></Link>} />;
  }
  const p = d.procedure;
  const files = new Map([...(store.data?.items ?? []).map((f) => [f.id, f.name] as const), ...d.files.map((f) => [f.id, f.name] as const)]);
  const persist = async (next = step + 1) => {
    const saved = await save.mutateAsync({ version: draft.data.version, ...local });
    setLocal(saved.content);
    setStep(Math.max(0, Math.min(STEPS.length - 1, next)));
  };
  const setDoc = (name: string, fileId: string | null) => setLocal({ ...local, documents: [...local.documents.filter((x) => x.name !== name), ...(fileId ? [{ name, fileId }] : [])] });
  const problem = (path: string) => d.problems.find((x) => x.path === path);
  const msg = (x: { message: string; messageEn: string }) => (locale === 'en' ? x.messageEn : x.message);

  return (
    <Card className="mc-online-card">
      <Typography.Title level={1} className="mc-online-h1">{d.procedureName}</Typography.Title>
      <Steps size="small" current={step} responsive items={STEPS.map((s) => ({ title: t(`file.step.${s}`) }))} className="mc-online-steps" />
      <Form layout="vertical" component="div">
        {step === 0 && d.applicant ? (
          <section aria-labelledby="step-applicant">
            <Typography.Title level={2} id="step-applicant" tabIndex={-1} className="mc-online-h2">{t('file.step.applicant')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('file.applicantIntro')}</Typography.Paragraph>
            <Descriptions bordered size="small" column={1} items={[
              { key: 'n', label: t('file.fullName'), children: d.applicant.fullName },
              { key: 'i', label: t('file.idNumber'), children: d.applicant.idNumber ?? '—' },
              { key: 'b', label: t('file.birthDate'), children: d.applicant.birthDate ? d.applicant.birthDate.split('-').reverse().join('/') : '—' },
              { key: 'a', label: t('file.address'), children: d.applicant.address ?? '—' },
              { key: 'p', label: t('file.phone'), children: d.applicant.phone ?? '—' },
              { key: 'e', label: t('file.email'), children: d.applicant.email ?? '—' },
            ]} />
            {p && p.applicants.includes('organisation') ? (
              <Form.Item label={t('file.kind')} htmlFor="mc-kind" style={{ marginTop: 12 }}>
                <Radio.Group id="mc-kind" value={local.applicantKind} onChange={(e) => setLocal({ ...local, applicantKind: e.target.value })}
                  options={p.applicants.map((k) => ({ value: k, label: t(`file.kind.${k}`) }))} />
              </Form.Item>
            ) : null}
            {local.applicantKind === 'organisation' ? (
              <>
                <Form.Item label={t('file.orgName')} htmlFor="mc-org-name" required><Input id="mc-org-name" value={local.organisation?.name ?? ''} onChange={(e) => setLocal({ ...local, organisation: { name: e.target.value, taxCode: local.organisation?.taxCode ?? '', address: local.organisation?.address ?? null, position: local.organisation?.position ?? null } })} /></Form.Item>
                <Form.Item label={t('file.orgTaxCode')} htmlFor="mc-org-tax" required><Input id="mc-org-tax" value={local.organisation?.taxCode ?? ''} onChange={(e) => setLocal({ ...local, organisation: { name: local.organisation?.name ?? '', taxCode: e.target.value, address: local.organisation?.address ?? null, position: local.organisation?.position ?? null } })} /></Form.Item>
              </>
            ) : null}
          </section>
        ) : null}
        {step === 1 && p ? (
          <section aria-labelledby="step-case">
            <Typography.Title level={2} id="step-case" tabIndex={-1} className="mc-online-h2">{t('file.step.case')}</Typography.Title>
            {p.cases.length ? (
              <Form.Item label={t('file.case')} htmlFor="mc-case">
                <Select id="mc-case" value={local.caseCode ?? undefined} allowClear onChange={(v: string | undefined) => setLocal({ ...local, caseCode: v ?? null })} options={p.cases.map((c) => ({ value: c.code, label: c.name }))} />
              </Form.Item>
            ) : null}
            <Form.Item label={t('file.place')} htmlFor="mc-place" required validateStatus={problem('receivingUnitId') && local.receivingUnitId === null ? 'warning' : ''}>
              <Select id="mc-place" value={local.receivingUnitId ?? undefined} showSearch optionFilterProp="label" onChange={(v: number) => setLocal({ ...local, receivingUnitId: v })}
                options={p.receivingUnits.map((u) => ({ value: u.id, label: u.communeName ? `${u.communeName} — ${u.name}` : u.name }))} />
            </Form.Item>
            <Form.Item label={t('file.request')} htmlFor="mc-request" required extra={t('file.requestHint')}>
              <Input.TextArea id="mc-request" rows={3} maxLength={2000} value={local.request ?? ''} onChange={(e) => setLocal({ ...local, request: e.target.value })} />
            </Form.Item>
          </section>
        ) : null}
        {step === 2 && p ? (
          <section aria-labelledby="step-documents">
            <Typography.Title level={2} id="step-documents" tabIndex={-1} className="mc-online-h2">{t('file.step.documents')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('file.docsIntro')}</Typography.Paragraph>
            <Flex vertical gap={16}>
              {p.documents.map((doc) => doc.presentOnly || doc.fromNationalDb ? (
                <div key={doc.name} className="mc-online-slot"><Typography.Text strong>{doc.name}</Typography.Text><br /><Typography.Text type="secondary">{t('file.notAsked')}</Typography.Text></div>
              ) : (
                <DocumentSlot key={doc.name} name={doc.name} required={doc.required} note={doc.note} draftId={draftId} store={store.data?.items ?? []}
                  fileId={local.documents.find((x) => x.name === doc.name)?.fileId ?? null}
                  fileName={files.get(local.documents.find((x) => x.name === doc.name)?.fileId ?? '') ?? null}
                  onChange={(id) => setDoc(doc.name, id)} />
              ))}
            </Flex>
          </section>
        ) : null}
        {step === 3 ? (
          <section aria-labelledby="step-delivery">
            <Typography.Title level={2} id="step-delivery" tabIndex={-1} className="mc-online-h2">{t('file.step.delivery')}</Typography.Title>
            <Form.Item label={t('file.delivery')} htmlFor="mc-delivery">
              <Radio.Group id="mc-delivery" value={local.delivery.method} onChange={(e) => setLocal({ ...local, delivery: { ...local.delivery, method: e.target.value } })}
                options={[{ value: 'online', label: t('file.delivery.online') }, { value: 'post', label: t('file.delivery.post') }]} />
            </Form.Item>
            {local.delivery.method === 'post' ? (
              <Form.Item label={t('file.deliveryAddress')} htmlFor="mc-delivery-address" required>
                <Input id="mc-delivery-address" value={local.delivery.address ?? ''} onChange={(e) => setLocal({ ...local, delivery: { ...local.delivery, address: e.target.value } })} />
              </Form.Item>
            ) : null}
          </section>
        ) : null}
        {step === 4 ? (
          <section aria-labelledby="step-review">
            <Typography.Title level={2} id="step-review" tabIndex={-1} className="mc-online-h2">{t('file.step.review')}</Typography.Title>
            {d.problems.length ? (
              <Alert type="warning" showIcon message={t('file.problems')} description={<ul>{d.problems.map((x, i) => <li key={i}>{msg(x)}</li>)}</ul>} />
            ) : <Alert type="success" showIcon message={t('file.ready')} />}
            <ul className="mc-online-review">
              {local.documents.map((x) => <li key={x.name}>{x.name}: {files.get(x.fileId) ?? x.fileId}</li>)}
            </ul>
            {submit.isError ? <Alert type="error" showIcon role="alert" message={errorMessage(submit.error)} style={{ marginTop: 12 }} /> : null}
          </section>
        ) : null}
      </Form>
      {save.isError ? <Alert type="error" showIcon role="alert" message={errorMessage(save.error)} style={{ marginTop: 12 }} /> : null}
      <Flex gap={8} wrap className="mc-online-nav">
        {step > 0 ? <Button onClick={() => void persist(step - 1)}>{t('file.back')}</Button> : null}
        {step < STEPS.length - 1 ? <Button type="primary" loading={save.isPending} onClick={() => void persist()}>{t('file.next')}</Button> : null}
        {step === STEPS.length - 1 ? (
          <Button type="primary" disabled={d.problems.length > 0} loading={submit.isPending}
            onClick={() => submit.mutate(idempotencyKey, { onSuccess: (r) => navigate(`/cong-dan/ho-so/${encodeURIComponent(r.draft.dossierCode ?? '')}`) })}>
            {t('file.submit')}
          </Button>
        ) : null}
      </Flex>
    </Card>
  );
}

export default function FilingPage() {
  return <div className="mc-container mc-online-page"><RequireCitizen><FilingStart /></RequireCitizen></div>;
}
