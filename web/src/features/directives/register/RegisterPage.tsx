import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, Input, Result, Row, Select, Skeleton, Typography } from 'antd';
import { BulbOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage, isApiError } from '../../../shared/api';
import { DATE_PATTERN } from '../../../shared/format';
import { useLocale, useT } from '../../../shared/i18n';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type Meta, type RegistrySource, useMeta, useOutline, useRegister, useRegistrySource } from '../api';
import { FileUploadField, type UploadedFile } from '../FileUploadField';
import { useDirectiveT } from '../i18n';
import { documentPath, idParam } from '../paths';
import { UnitPicker } from '../UnitPicker';
import { splitFieldErrors } from './fieldErrors';
import { prefillFrom, SourceNote } from './fromRegistry';
import { type TaskRow, draftsOf, rowProblems, rowsFromOutline } from './rows';
import { TaskTable } from './TaskTable';
import '../directives.css';

const FORM_FIELDS = ['docType', 'number', 'issuer', 'signer', 'signedOn', 'subject', 'fields', 'ownerUnitId', 'fullText'] as const;

interface Values {
  docType?: string;
  number?: string;
  issuer?: string;
  signer?: string;
  signedOn?: string;
  subject?: string;
  fields?: string[];
  ownerUnitId?: number;
  fullText?: string;
}

/**
 * `/can-bo/chi-dao/dang-ky`: register a steering document and confirm the tasks proposed from its text.
 * `?fromDocument=<id>` starts from a document of the registers (issue 19 scope 5): the form is prefilled
 * from it and the directive keeps the link.
 */
export default function RegisterPage() {
  const t = useDirectiveT();
  const locale = useLocale();
  const meta = useMeta();
  const [params] = useSearchParams();
  const fromDocument = idParam(params.get('fromDocument') ?? undefined);
  const source = useRegistrySource(fromDocument);
  let body;
  if (meta.isPending || (fromDocument !== null && source.isPending)) body = <Card size="small"><Skeleton active /></Card>;
  else if (meta.isError) body = <ErrorResult error={meta.error} onRetry={() => void meta.refetch()} />;
  else if (!meta.data.can.register || meta.data.ownerUnits.length === 0) body = <Result status="403" title={t('reg.cannot')} />;
  else if (source.isError) {
    // A document the officer may not read (403/404): say so, and let them enter it by hand.
    body = (
      <>
        <Alert type="warning" showIcon role="alert" style={{ marginBottom: 16 }} title={t('reg.fromRegistryError', { error: errorMessage(source.error, locale) })} />
        <RegisterForm meta={meta.data} />
      </>
    );
  } else body = <RegisterForm key={source.data?.id ?? 'blank'} meta={meta.data} source={source.data} />;
  return (
    <>
      <PageHeader title={t('reg.title')} subtitle={t('reg.subtitle')} />
      {body}
    </>
  );
}

function RegisterForm({ meta, source }: { meta: Meta; source?: RegistrySource }) {
  const t = useDirectiveT();
  const ts = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const outline = useOutline();
  const register = useRegister();
  const [rows, setRows] = useState<TaskRow[]>([]);
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const [rowErrors, setRowErrors] = useState<Record<number, string[]>>({});
  const [tried, setTried] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [outlineProblem, setOutlineProblem] = useState<string | null>(null);

  const propose = async () => {
    const text = (form.getFieldValue('fullText') as string | undefined) ?? '';
    setOutlineProblem(null);
    if (text.trim().length < 20) {
      setOutlineProblem(t('reg.textTooShort'));
      return;
    }
    const apply = async () => {
      try {
        const answer = await outline.mutateAsync(text);
        setRows(rowsFromOutline(answer, meta));
        setRowErrors({});
        setTried(false);
        if (answer.number && !form.getFieldValue('number')) form.setFieldValue('number', answer.number);
        if (answer.items.length === 0) setOutlineProblem(t('reg.noItems'));
      } catch (error) {
        setOutlineProblem(isApiError(error) && error.fields.length ? error.fields.map((f) => error.fieldMessageIn(f, locale)).join(' ') : errorMessage(error, locale));
      }
    };
    // A second proposal would throw away the officer's edits: ask first.
    if (rows.length) {
      modal.confirm({ title: t('reg.replaceTitle'), content: t('reg.replaceBody'), okText: t('reg.replace'), cancelText: ts('action.cancel'), onOk: apply });
    } else {
      await apply();
    }
  };

  const send = async (values: Values) => {
    setProblem(null);
    setTried(true);
    if (rows.some((r) => rowProblems(r).length > 0)) {
      setProblem(t('reg.fixRows'));
      return;
    }
    try {
      const detail = await register.mutateAsync({
        docType: values.docType as never,
        number: (values.number ?? '').trim(),
        issuer: (values.issuer ?? '').trim(),
        signer: values.signer?.trim() || null,
        signedOn: values.signedOn ?? '',
        subject: (values.subject ?? '').trim(),
        fields: values.fields ?? [],
        fullText: values.fullText ?? '',
        ownerUnitId: Number(values.ownerUnitId),
        files,
        tasks: draftsOf(rows),
        ...(source ? { registryDocumentId: source.id } : {}),
      });
      navigate(documentPath(detail.document.id));
    } catch (error) {
      const { byRow, unmatched } = splitFieldErrors(form, FORM_FIELDS, error, locale);
      setRowErrors(byRow);
      if (isApiError(error) && error.fields.length) setProblem(unmatched.length ? unmatched.join(' ') : Object.keys(byRow).length ? t('reg.fixRows') : null);
      else setProblem(errorMessage(error, locale)); // 409 (already registered) and the rest: the server's own words
    }
  };

  const required = [{ required: true, whitespace: true, message: t('required') }];
  return (
    <Form<Values> form={form} layout="vertical" requiredMark scrollToFirstError onFinish={(v) => void send(v)}
      initialValues={{ docType: meta.docTypes[0]?.code, ownerUnitId: meta.ownerUnits[0]?.id, fields: [], ...(source ? prefillFrom(source, meta) : {}) }}>
      {source ? <SourceNote id={source.id} symbol={source.symbol} /> : null}
      <Card size="small" title={t('reg.document')}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="docType" label={t('reg.docType')} rules={[{ required: true, message: t('required') }]}>
              <Select options={meta.docTypes.map((d) => ({ value: d.code, label: d.label }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="number" label={t('reg.number')} rules={required} extra={t('reg.numberHint')}>
              <Input maxLength={60} placeholder="16/CT-UBND" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="signedOn" label={t('reg.signedOn')} rules={[{ required: true, message: t('required') }]}
              getValueProps={(v?: string) => ({ value: v ? dayjs(v) : undefined })}
              normalize={(d?: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined)}>
              <DatePicker format={DATE_PATTERN} placeholder={ts('common.datePlaceholder')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="issuer" label={t('reg.issuer')} rules={required}><Input maxLength={300} /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="signer" label={t('reg.signer')}><Input maxLength={200} /></Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="subject" label={t('reg.subject')} rules={required}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="fields" label={t('reg.fields')} extra={t('reg.fieldsHint')}>
              <Select mode="tags" tokenSeparators={[',', ';']} maxCount={10} open={false} suffixIcon={null} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="ownerUnitId" label={t('reg.ownerUnit')} rules={[{ required: true, message: t('required') }]}>
              <UnitPicker units={meta.ownerUnits} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="fullText" label={t('reg.fullText')} extra={t('reg.fullTextHint')}>
              <Input.TextArea rows={14} maxLength={200000} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label={t('reg.files')}>
              <FileUploadField onChange={setFiles} onBusy={setUploading} maxCount={20} />
            </Form.Item>
          </Col>
        </Row>
        <Flex gap={8} align="center" wrap>
          <Button icon={<BulbOutlined aria-hidden />} onClick={() => void propose()} loading={outline.isPending}>{t('reg.propose')}</Button>
          <Typography.Text type="secondary">{t('reg.proposeHint')}</Typography.Text>
        </Flex>
        {outlineProblem ? <Alert type="warning" showIcon role="alert" title={outlineProblem} style={{ marginTop: 12 }} /> : null}
      </Card>
      <Card size="small" title={t('reg.tasks')} style={{ marginTop: 16 }}>
        <TaskTable rows={rows} onChange={setRows} meta={meta} rowErrors={rowErrors} showProblems={tried} />
      </Card>
      {problem ? <Alert type="error" showIcon role="alert" title={problem} style={{ marginTop: 16 }} /> : null}
      <Flex gap={8} style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit" loading={register.isPending} disabled={uploading}>{t('reg.submit')}</Button>
        <Typography.Text type="secondary">{t('reg.taskCount', { n: rows.length })}</Typography.Text>
      </Flex>
    </Form>
  );
}
