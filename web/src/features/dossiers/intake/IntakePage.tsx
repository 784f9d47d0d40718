import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Form, InputNumber, Row, Select, Typography } from 'antd';
import { CheckOutlined, CloseCircleOutlined, FileSyncOutlined } from '@ant-design/icons';
import { isApiError } from '../../../shared/api';
import { useLocale, useT } from '../../../shared/i18n';
import { applyFieldErrors } from '../../../shared/ui/formErrors';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type Applicant, type CatalogueDocument, type Channel, type CreatedDossier, type CreateDossierBody, useAgencies, useCreateDossier, useProcedure } from '../api';
import '../dossiers.css';
import { useDossierT } from '../i18n';
import { newIdempotencyKey, processingTimeText } from '../labels';
import { ApplicantFields } from './ApplicantFields';
import { DecisionModal, type DecisionValues } from './DecisionModal';
import { DocumentChecklist, type DocumentRow, missingDocuments, rowsFor } from './DocumentChecklist';
import { type IntakeDecision, IntakeDone } from './IntakeDone';
import { ProcedurePicker } from './ProcedurePicker';

interface IntakeValues {
  procedureCode?: string;
  caseCode?: string;
  channel: Channel;
  resultDelivery: Channel;
  receivedCopies: number;
  applicant: Applicant;
  hasRepresentative?: boolean;
  documents?: DocumentRow[];
  competentUnitId?: number;
}

const INITIAL: Partial<IntakeValues> = { channel: 'desk', resultDelivery: 'desk', receivedCopies: 1, applicant: { kind: 'citizen', fullName: '' }, documents: [] };

const NO_DOCUMENTS: CatalogueDocument[] = [];

const blankToUndefined = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

function toBody(v: IntakeValues, key: string): CreateDossierBody {
  const a = v.applicant;
  const organisation = a.kind === 'organisation';
  const r = a.representative;
  // An organisation always acts through its representative; a citizen only when the box is ticked.
  const represented = (organisation || v.hasRepresentative) && r?.fullName?.trim();
  return {
    procedureCode: v.procedureCode ?? '',
    caseCode: v.caseCode,
    channel: v.channel,
    resultDelivery: v.resultDelivery,
    receivedCopies: v.receivedCopies,
    competentUnitId: v.competentUnitId,
    idempotencyKey: key,
    applicant: {
      kind: a.kind,
      fullName: a.fullName.trim(),
      // Only the fields shown for this kind of applicant (the form keeps what was typed before switching).
      idNumber: organisation ? undefined : blankToUndefined(a.idNumber),
      taxCode: organisation ? blankToUndefined(a.taxCode) : undefined,
      phone: blankToUndefined(a.phone),
      email: blankToUndefined(a.email),
      address: blankToUndefined(a.address),
      // Set by online filings only (a postal address for the result); the desk form has no such field.
      deliveryAddress: undefined,
      representative: represented
        ? {
            fullName: r!.fullName.trim(),
            idNumber: blankToUndefined(r!.idNumber),
            position: organisation ? blankToUndefined(r!.position) : undefined,
            authorisation: blankToUndefined(r!.authorisation),
          }
        : undefined,
    },
    documents: (v.documents ?? []).filter((d) => d.received).map(({ name, originals, copies, certifiedCopies, file }) => ({
      name, originals: originals ?? 0, copies: copies ?? 0, certifiedCopies: certifiedCopies ?? 0, ...(file ? { fileKey: file.key, fileName: file.name } : {}),
    })),
  };
}

/**
 * Reception at the one-stop desk (Decree 118/2025 art. 17): the procedure and case from the
 * catalogue, its document checklist, the applicant, then receive (form 01), guide to supplement
 * (form 02) or refuse (form 03). One idempotency key per form, so a double click makes one dossier.
 */
export default function IntakePage() {
  const t = useDossierT();
  const ts = useT();
  const locale = useLocale();
  const { modal } = App.useApp();
  const [form] = Form.useForm<IntakeValues>();
  const [key, setKey] = useState(newIdempotencyKey);
  const [decision, setDecision] = useState<'supplement' | 'refuse' | null>(null);
  const [done, setDone] = useState<{ dossier: CreatedDossier; decision: IntakeDecision } | null>(null);
  const [banner, setBanner] = useState<string[]>([]);
  const agencies = useAgencies();
  const create = useCreateDossier();

  const procedureCode = Form.useWatch('procedureCode', form);
  const caseCode = Form.useWatch('caseCode', form);
  const channel = Form.useWatch('channel', form) ?? 'desk';
  const rows = Form.useWatch('documents', form);
  const procedure = useProcedure(procedureCode);
  const subCase = procedure.data?.cases.find((c) => c.code === caseCode);
  const docs = useMemo(() => (procedure.data ? (subCase?.documents ?? procedure.data.documents) : NO_DOCUMENTS), [procedure.data, subCase]);
  const time = (subCase?.channels ?? []).find((c) => c.kind === channel)?.time ?? procedure.data?.channels.find((c) => c.kind === channel)?.time;
  const missing = missingDocuments(docs, rows);

  // A new procedure or case brings its own checklist.
  useEffect(() => {
    form.setFieldValue('documents', rowsFor(docs));
  }, [docs, form]);

  const submit = async (intake: IntakeDecision, extra: DecisionValues = {}) => {
    setBanner([]);
    const values = form.getFieldsValue(true) as IntakeValues;
    const body: CreateDossierBody = { ...toBody(values, key), intake };
    if (intake === 'refuse') body.reasons = (extra.reasons ?? []).map((r) => r.trim()).filter(Boolean);
    if (intake === 'supplement') body.supplementItems = (extra.items ?? []).map((i) => ({ name: i.name.trim(), reason: i.reason.trim(), legalBasis: blankToUndefined(i.legalBasis) }));
    try {
      const dossier = await create.mutateAsync(body);
      setDecision(null);
      setDone({ dossier, decision: intake });
      window.scrollTo({ top: 0 });
    } catch (error) {
      setDecision(null);
      const unmatched = applyFieldErrors(form, error, locale);
      if (isApiError(error) && error.fields.length > 0) setBanner(unmatched.length ? unmatched : [t('intake.fixErrors')]);
      else setBanner([isApiError(error) ? error.messageIn(locale) : String(error)]);
    }
  };

  const validated = async (): Promise<boolean> => {
    try {
      await form.validateFields();
      return true;
    } catch {
      setBanner([t('intake.fixErrors')]);
      return false;
    }
  };

  const onReceive = async () => {
    if (!(await validated())) return;
    if (missing.length === 0) return void submit('receive');
    modal.confirm({
      title: t('intake.incompleteTitle'),
      content: t('intake.incompleteBody', { names: missing.join('; ') }),
      okText: t('intake.receiveAnyway'),
      cancelText: ts('action.back'),
      onOk: () => submit('receive'),
    });
  };

  const open = async (kind: 'supplement' | 'refuse') => {
    if (await validated()) setDecision(kind);
  };

  const next = () => {
    form.resetFields();
    setKey(newIdempotencyKey());
    setDone(null);
    setBanner([]);
  };

  return (
    <>
      <PageHeader title={t('intake.title')} subtitle={t('intake.subtitle')} />
      {done ? (
        <IntakeDone dossier={done.dossier} decision={done.decision} onNext={next} />
      ) : (
        <Form<IntakeValues> form={form} layout="vertical" initialValues={INITIAL} scrollToFirstError>
          <Flex vertical gap={16}>
            <Card title={t('intake.procedureCard')} size="small">
              <Form.Item name="procedureCode" label={t('intake.procedure')} rules={[{ required: true, message: t('intake.procedureRequired') }]}>
                <ProcedurePicker
                  onChange={() => form.setFieldValue('caseCode', undefined)}
                />
              </Form.Item>
              {procedure.data && procedure.data.cases.length > 0 ? (
                <Form.Item name="caseCode" label={t('intake.case')}>
                  <Select allowClear placeholder={t('intake.casePlaceholder')} options={procedure.data.cases.map((c) => ({ value: c.code, label: c.name }))} />
                </Form.Item>
              ) : null}
              {procedure.isError ? <Alert type="error" showIcon title={t('intake.catalogueUnavailable')} /> : null}
              {procedure.data ? (
                <Typography.Text>
                  {t('intake.time')}: <strong>{time ? processingTimeText(t, time) : t('intake.timeNone')}</strong>
                </Typography.Text>
              ) : null}
            </Card>

            <Card title={t('intake.documentsCard')} size="small" loading={procedure.isFetching && !procedure.data}>
              <DocumentChecklist docs={docs} />
              {docs.length > 0 && missing.length > 0 ? (
                <Alert
                  style={{ marginTop: 12 }}
                  type="warning"
                  showIcon
                  title={t('intake.missing', { n: missing.length, names: missing.join('; ') })}
                  action={
                    <Button size="small" onClick={() => void open('supplement')}>
                      {t('intake.guideMissing')}
                    </Button>
                  }
                />
              ) : null}
            </Card>

            <Card title={t('intake.applicantCard')} size="small">
              <ApplicantFields />
            </Card>

            <Card title={t('intake.deliveryCard')} size="small">
              <Row gutter={16}>
                <Col xs={24} md={9}>
                  <Form.Item name="channel" label={t('intake.channel')}>
                    <Select options={(['desk', 'post'] as const).map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={9}>
                  <Form.Item name="resultDelivery" label={t('intake.resultDelivery')}>
                    <Select options={(['desk', 'post', 'online'] as const).map((c) => ({ value: c, label: t(`delivery.${c}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item name="receivedCopies" label={t('intake.copiesCount')}>
                    <InputNumber min={1} max={50} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  {/* Centres receive regardless of boundary (Decree 118/2025): name the deciding commune when it is not the desk's own. */}
                  <Form.Item name="competentUnitId" label={t('intake.competentUnit')} tooltip={t('intake.competentUnitHelp')}>
                    <Select
                      allowClear
                      showSearch
                      optionFilterProp="label"
                      placeholder={t('intake.competentUnitAuto')}
                      options={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
                    />
                  </Form.Item>
                </Col>
              </Row>
              {banner.length > 0 ? (
                <Alert type="error" showIcon role="alert" title={banner.length === 1 ? banner[0] : <ul style={{ margin: 0, paddingInlineStart: 18 }}>{banner.map((b) => <li key={b}>{b}</li>)}</ul>} />
              ) : null}
              <Flex className="mc-intake-actions" gap={8} wrap justify="flex-end">
                <Button danger icon={<CloseCircleOutlined aria-hidden />} onClick={() => void open('refuse')} disabled={create.isPending}>
                  {t('intake.refuse')}
                </Button>
                <Button icon={<FileSyncOutlined aria-hidden />} onClick={() => void open('supplement')} disabled={create.isPending}>
                  {t('intake.guide')}
                </Button>
                <Button type="primary" icon={<CheckOutlined aria-hidden />} onClick={() => void onReceive()} loading={create.isPending && decision === null}>
                  {t('intake.receive')}
                </Button>
              </Flex>
            </Card>
          </Flex>
        </Form>
      )}
      <DecisionModal
        kind={decision}
        missing={missing}
        submitting={create.isPending}
        onCancel={() => setDecision(null)}
        onSubmit={(values) => void submit(decision ?? 'supplement', values)}
      />
    </>
  );
}
