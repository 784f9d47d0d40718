import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Select, Skeleton, Tabs, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { FIELD_LABELS } from '../../../../../src/modules/catalog/labels';
import { validateInternalProcess } from '../../../../../src/modules/catalog/rules/internal-process';
import type { ProcedureContent } from '../../../../../src/modules/catalog/schema';
import { errorMessage, isApiError } from '../../../shared/api';
import { useLocale, useT } from '../../../shared/i18n';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { isStaleVersion, useStaleVersionNotice } from '../../../shared/ui/staleVersion';
import { useCreateProcedure, useUpdateDraft, useVersion } from '../api';
import { useCatalogT } from '../i18n';
import { CHANNELS, LEVELS, ONLINE_MODES, TIME_UNITS, useCatalogLabels } from '../labels';
import { ProcedureSections } from '../ProcedureSections';
import '../catalog.css';
import { blankContent, fromForm, toForm, type FormValues } from './formModel';
import { FieldGrid, ListEditor, type FieldSpec } from './ListEditor';
import { ProcessEditor } from './ProcessEditor';

type Problem = { path: string; message: string };

/** The API names fields by path; in the form an internal step's place is one "where" input. */
const formPath = (path: string) => path.replace(/\.responsible\.(unitCode|function|externalAgency)(\.name)?$/, '.where.value');

function problemLabel(path: string): string {
  return FIELD_LABELS[path.split('.')[0] ?? ''] ?? path;
}

function Editor({ initial, code, n, revision }: { initial: ProcedureContent; code?: string; n?: number; revision?: number }) {
  const t = useCatalogT();
  const ts = useT();
  const l = useCatalogLabels();
  const locale = useLocale();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notifyStale = useStaleVersionNotice();
  const [form] = Form.useForm<FormValues>();
  const [cases, setCases] = useState(initial.cases);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [json, setJson] = useState(() => JSON.stringify(initial, null, 2));
  const create = useCreateProcedure();
  const update = useUpdateDraft();
  // The budgets are checked as the user types, with the same rule the server applies on save.
  const check = (content: ProcedureContent) => {
    try {
      return validateInternalProcess(content);
    } catch {
      return [];
    }
  };
  const [live, setLive] = useState(() => check(initial));
  const onValuesChange = () => {
    const content = fromForm(form.getFieldsValue(true), { cases });
    setLive(check(content));
    setJson(JSON.stringify(content, null, 2));
  };

  const save = async () => {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const content = fromForm({ ...form.getFieldsValue(true), ...values }, { cases });
    try {
      if (code && n !== undefined) {
        await update.mutateAsync({ code, n, content, revision: revision ?? 0 });
        message.success(t('edit.saved'));
      } else {
        const created = await create.mutateAsync(content);
        message.success(t('admin.created', { n: created.number }));
        navigate(`/quan-tri/thu-tuc/${encodeURIComponent(created.code)}/v/${created.number}`, { replace: true });
      }
      setProblems([]);
    } catch (error) {
      if (isStaleVersion(error)) return notifyStale(() => window.location.reload());
      if (isApiError(error) && error.fields.length) {
        const list = error.fields.map((f) => ({ path: f.path, message: error.fieldMessageIn(f, locale) }));
        setProblems(list);
        form.setFields(list.map((p) => ({ name: formPath(p.path).split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)), errors: [p.message] })) as never);
        return;
      }
      setProblems([{ path: '', message: errorMessage(error, locale) }]);
    }
  };

  const general: FieldSpec[] = [
    { name: ['code'], label: t('f.code'), span: 6, required: true, placeholder: '1.000948' },
    { name: ['name'], label: t('f.name'), span: 18, required: true },
    { name: ['description'], label: t('f.description'), span: 24, kind: 'textarea' },
    { name: ['field', 'code'], label: t('f.fieldCode'), span: 6, required: true },
    { name: ['field', 'name'], label: t('f.fieldName'), span: 18, required: true },
    { name: ['levels'], label: t('f.levels'), span: 12, kind: 'multi', options: LEVELS.map((v) => ({ value: v, label: l.level(v) })) },
    { name: ['applicants'], label: t('f.applicants'), span: 12, kind: 'multi', options: (['citizen', 'organisation'] as const).map((v) => ({ value: v, label: l.applicant(v) })) },
    { name: ['implementingAgency', 'code'], label: t('f.agencyCode'), span: 6, placeholder: 'H30.102' },
    { name: ['implementingAgency', 'name'], label: t('f.agencyName'), span: 18, required: true },
    { name: ['onlineMode'], label: t('f.onlineMode'), span: 12, kind: 'select', required: true, options: ONLINE_MODES.map((v) => ({ value: v, label: l.online(v) })) },
    { name: ['boundaryIndependent'], label: t('f.boundary'), span: 12, kind: 'check' },
    { name: ['requirements'], label: t('f.requirements'), span: 24, kind: 'textarea' },
  ];
  const items = [
    { key: 'general', label: t('edit.tab.general'), children: (
      <>
        <FieldGrid specs={general} />
        <Form.Item name="keywords" label={t('f.keywords')}><Select mode="tags" tokenSeparators={[';']} open={false} suffixIcon={null} /></Form.Item>
        {cases.length ? <Alert type="info" showIcon title={t('edit.casesNote', { n: cases.length })} /> : null}
      </>
    ) },
    { key: 'channels', label: t('edit.tab.channels'), children: <ListEditor name={['channels']} newRow={() => ({ kind: 'desk', time: { amount: 1, unit: 'working_days' } })} specs={[
      { name: ['kind'], label: t('f.kind'), span: 6, kind: 'select', required: true, options: CHANNELS.map((c) => ({ value: c, label: l.channel(c) })) },
      { name: ['time', 'amount'], label: t('f.amount'), span: 4, kind: 'int', required: true },
      { name: ['time', 'unit'], label: t('f.unit'), span: 6, kind: 'select', required: true, options: TIME_UNITS.map((u) => ({ value: u, label: t(`unit.${u}`) })) },
      { name: ['time', 'cutoff'], label: t('f.cutoff'), span: 4, placeholder: '15:00' },
      { name: ['note'], label: t('f.note'), span: 24 },
    ]} /> },
    { key: 'steps', label: t('edit.tab.steps'), children: <ListEditor name={['steps']} title={(i) => `${t('detail.step')} ${i + 1}`} newRow={() => ({ title: '', where: '', who: '', what: '' })} specs={[
      { name: ['title'], label: t('f.title'), span: 12, required: true }, { name: ['who'], label: t('f.who'), span: 12, required: true },
      { name: ['where'], label: t('f.where'), span: 24, required: true }, { name: ['what'], label: t('f.what'), span: 24, kind: 'textarea', required: true },
      { name: ['duration'], label: t('f.duration'), span: 12 }, { name: ['cost'], label: t('f.cost'), span: 12 },
    ]} /> },
    { key: 'documents', label: t('edit.tab.documents'), children: <ListEditor name={['documents']} newRow={() => ({ name: '', originals: 1, copies: 0, certifiedCopies: 0 })} specs={[
      { name: ['name'], label: t('f.docName'), span: 24, required: true },
      { name: ['originals'], label: t('f.originals'), span: 4, kind: 'int' }, { name: ['copies'], label: t('f.copies'), span: 4, kind: 'int' },
      { name: ['certifiedCopies'], label: t('f.certifiedCopies'), span: 4, kind: 'int' }, { name: ['formTemplate'], label: t('f.formTemplate'), span: 12, placeholder: 'to-khai.docx' },
      { name: ['presentOnly'], label: t('f.presentOnly'), span: 4, kind: 'check' }, { name: ['optional'], label: t('f.optional'), span: 4, kind: 'check' },
      { name: ['reusableFromNationalDb'], label: t('f.reusable'), span: 4, kind: 'check' }, { name: ['note'], label: t('f.note'), span: 12 },
    ]} /> },
    { key: 'fees', label: t('edit.tab.fees'), children: <ListEditor name={['fees']} newRow={() => ({ name: '', kind: 'charge', exemptions: [] })} specs={[
      { name: ['name'], label: t('f.feeName'), span: 12, required: true },
      { name: ['kind'], label: t('f.feeKind'), span: 4, kind: 'select', required: true, options: [{ value: 'fee', label: t('detail.fee') }, { value: 'charge', label: t('detail.charge') }] },
      { name: ['amount'], label: t('f.feeAmount'), span: 8, kind: 'int' }, { name: ['formula'], label: t('f.formula'), span: 24 },
    ]} /> },
    { key: 'results', label: t('edit.tab.results'), children: (
      <>
        <Typography.Title level={4}>{t('detail.results')}</Typography.Title>
        <ListEditor name={['results']} newRow={() => ({ name: '' })} specs={[{ name: ['name'], label: t('f.resultName'), span: 16, required: true }, { name: ['template'], label: t('f.template'), span: 8 }]} />
        <Typography.Title level={4} style={{ marginTop: 16 }}>{t('detail.legal')}</Typography.Title>
        <ListEditor name={['legalBasis']} newRow={() => ({ number: '', title: '', date: '', issuer: '' })} specs={[
          { name: ['number'], label: t('f.legalNumber'), span: 6, required: true }, { name: ['title'], label: t('f.legalTitle'), span: 18, required: true },
          { name: ['date'], label: t('f.legalDate'), span: 6, kind: 'date', required: true }, { name: ['issuer'], label: t('f.legalIssuer'), span: 18, required: true },
        ]} />
      </>
    ) },
    { key: 'process', label: t('edit.tab.process'), children: (
      <>
        <Alert type={live.length ? 'warning' : 'success'} showIcon style={{ marginBottom: 12 }} title={live.length ? t('edit.liveProblems') : t('edit.liveOk')}
          description={live.length ? <ul style={{ margin: 0, paddingLeft: 18 }}>{live.map((p) => <li key={p.message}>{p.message}</li>)}</ul> : undefined} />
        <ProcessEditor />
      </>
    ) },
    { key: 'json', label: t('edit.tab.json'), children: (
      <div className="mc-cat-json">
        <Typography.Paragraph type="secondary">{t('edit.jsonHint')}</Typography.Paragraph>
        <Input.TextArea value={json} onChange={(e) => setJson(e.target.value)} autoSize={{ minRows: 16, maxRows: 40 }} aria-label={t('edit.tab.json')} />
        <Button style={{ marginTop: 8 }} onClick={() => {
          try {
            const parsed = JSON.parse(json) as ProcedureContent;
            setCases(parsed.cases ?? []);
            form.setFieldsValue(toForm({ ...blankContent(), ...parsed }));
          } catch (e) {
            message.error(t('edit.jsonBad', { message: (e as Error).message }));
          }
        }}>{t('edit.jsonApply')}</Button>
      </div>
    ) },
  ];

  return (
    <>
      <PageHeader
        title={code ? t('edit.title', { n: n ?? 0, name: initial.name }) : t('edit.newTitle')}
        extra={<Button type="primary" icon={<SaveOutlined />} loading={create.isPending || update.isPending} onClick={() => void save()}>{ts('action.save')}</Button>}
      />
      {problems.length ? (
        <Alert type="error" showIcon closable style={{ marginBottom: 12 }} title={t('edit.problems')} onClose={() => setProblems([])}
          description={<ul style={{ margin: 0, paddingLeft: 18 }}>{problems.map((p, i) => <li key={i}>{p.path ? <strong>{problemLabel(p.path)}: </strong> : null}{p.message}</li>)}</ul>} />
      ) : null}
      <Card size="small">
        <Form form={form} layout="vertical" initialValues={toForm(initial)} onValuesChange={onValuesChange} className="mc-cat-editor">
          <Tabs items={items} />
        </Form>
      </Card>
    </>
  );
}

/** /quan-tri/thu-tuc/moi and /quan-tri/thu-tuc/:code/v/:n — edit a draft, or view a published version. */
export default function DraftEditorPage() {
  const { code, n } = useParams();
  const t = useCatalogT();
  const number = n ? Number(n) : undefined;
  const version = useVersion(code ?? '', code ? number : undefined);
  if (!code) return <Editor initial={blankContent()} />;
  if (version.isPending) return <Skeleton active />;
  if (version.isError) return <ErrorResult error={version.error} onRetry={() => void version.refetch()} />;
  const v = version.data;
  if (v.status !== 'draft') {
    return (
      <>
        <PageHeader title={`${v.content.name} — v${v.number}`} extra={<Link to={`/quan-tri/thu-tuc/${encodeURIComponent(v.code)}`}><Button>{t('admin.versions')}</Button></Link>} />
        <Alert type="info" showIcon title={t('edit.readOnly')} style={{ marginBottom: 12 }} />
        <ProcedureSections content={v.content} />
      </>
    );
  }
  return <Editor key={`${v.id}:${v.revision}`} initial={v.content} code={v.code} n={v.number} revision={v.revision} />;
}
