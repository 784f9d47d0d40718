import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Flex, Form, Result, Skeleton, Typography } from 'antd';
import { ArrowLeftOutlined, CheckOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { formatDate } from '../../../shared/format';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type Scheme, type SchemePosition, useCreateScheme, useEditScheme, useScheme, useSubmitScheme } from '../api-schemes';
import { usePersonnelT } from '../i18n';
import { APPROVER_ROLES, HR_ROLES, SCHEMES_PATH, idParam, schemePath } from '../paths';
import { PersonnelNav } from '../PersonnelNav';
import { DateField, Problem, UnitSelect, useCovers, useSend } from '../ui';
import { ApproveDialog, AppraiseDialog } from './SchemeDialogs';
import { type PositionDraft, PositionsEditor, newPosition, positionProblems } from './PositionsEditor';
import { SchemeStatusTag } from './SchemeTags';
import '../personnel.css';

const toBody = (rows: PositionDraft[]): SchemePosition[] => rows.map(({ uid: _uid, ...p }) => ({ ...p, code: p.code.trim(), name: p.name.trim() }));

/** `/can-bo/nhan-su/de-an/:id` and `/de-an/moi`: a scheme and its positions, with the step its status allows. */
export default function SchemePage() {
  const { id: raw } = useParams();
  const id = raw === 'moi' ? null : idParam(raw);
  if (raw !== 'moi' && id === null) return <NotFound />;
  return id === null ? <NewScheme /> : <ExistingScheme id={id} />;
}

function NotFound() {
  const t = usePersonnelT();
  return <Result status="404" title={t('scheme.notFound')} extra={<Link to={SCHEMES_PATH}>{t('scheme.back')}</Link>} />;
}

function NewScheme() {
  const t = usePersonnelT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<{ unitId: number; effectiveFrom: string; copy: boolean }>();
  const [rows, setRows] = useState<PositionDraft[]>([newPosition()]);
  const [tried, setTried] = useState(false);
  const create = useCreateScheme();
  const send = useSend(form, () => undefined);
  const copy = Form.useWatch('copy', form);
  const finish = async (v: { unitId: number; effectiveFrom: string; copy: boolean }) => {
    setTried(true);
    if (!v.copy && positionProblems(rows).size) return;
    let created: Scheme | undefined;
    if (await send.run(async () => { created = await create.mutateAsync({ unitId: v.unitId, effectiveFrom: v.effectiveFrom, ...(v.copy ? {} : { positions: toBody(rows) }) }); })) {
      navigate(schemePath(created!.id), { replace: true });
    }
  };
  return (
    <>
      <PageHeader title={t('scheme.newTitle')} extra={<Link to={SCHEMES_PATH}><Button icon={<ArrowLeftOutlined aria-hidden />}>{t('scheme.back')}</Button></Link>} />
      <PersonnelNav />
      <Card size="small">
        <Form form={form} layout="vertical" onFinish={(v) => void finish(v)} initialValues={{ unitId: idParam(params.get('unitId') ?? undefined) ?? undefined, copy: false }}>
          <Flex gap={16} wrap>
            <Form.Item name="unitId" label={t('field.unit')} rules={[{ required: true, message: t('required') }]} style={{ flex: '1 1 320px', maxWidth: 480 }}>
              <UnitSelect ariaLabel={t('field.unit')} />
            </Form.Item>
            <div style={{ width: 220 }}><DateField name="effectiveFrom" label={t('field.effectiveFrom')} required={t('required')} /></div>
          </Flex>
          <Form.Item name="copy" valuePropName="checked"><Checkbox>{t('field.copy')}</Checkbox></Form.Item>
          {copy ? null : <PositionsEditor rows={rows} onChange={setRows} readOnly={false} showProblems={tried} />}
          <Problem text={send.problem} />
          <Flex justify="flex-end" style={{ marginTop: 12 }}>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined aria-hidden />} loading={send.pending}>{t('scheme.create')}</Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}

function ExistingScheme({ id }: { id: number }) {
  const t = usePersonnelT();
  const { message, modal } = App.useApp();
  const scheme = useScheme(id);
  const { covers, homeAffairs } = useCovers();
  const [rows, setRows] = useState<PositionDraft[]>([]);
  const [effectiveFrom, setEffectiveFrom] = useState<string>('');
  const [dirty, setDirty] = useState(false);
  const [tried, setTried] = useState(false);
  const [dialog, setDialog] = useState<'appraise' | 'approve' | null>(null);
  const [form] = Form.useForm<{ effectiveFrom: string }>();
  const edit = useEditScheme(id);
  const submit = useSubmitScheme(id);
  const send = useSend(form, () => scheme.refetch());
  const s = scheme.data;
  // A fresh answer from the server (load, save, another step) replaces the draft being edited.
  useEffect(() => {
    if (!s) return;
    setRows(s.positions.map((p) => newPosition(p)));
    setEffectiveFrom(s.effectiveFrom);
    form.setFieldsValue({ effectiveFrom: s.effectiveFrom });
    setDirty(false);
  }, [s, form]);
  if (scheme.isError) return <ErrorResult error={scheme.error} onRetry={() => void scheme.refetch()} />;
  if (!s) return <Card size="small"><Skeleton active /></Card>;

  const editable = covers(HR_ROLES, s.unitId) && (s.status === 'draft' || s.status === 'returned');
  const appraiser = covers(HR_ROLES, homeAffairs);
  const approver = covers(APPROVER_ROLES, homeAffairs);
  const change = (next: PositionDraft[]) => { setRows(next); setDirty(true); };
  const save = async (): Promise<Scheme | null> => {
    setTried(true);
    if (positionProblems(rows).size) return null;
    let saved: Scheme | null = null;
    const ok = await send.run(async () => { saved = await edit.mutateAsync({ version: s.version, effectiveFrom, positions: toBody(rows) }); });
    return ok ? saved : null;
  };
  const onSave = async () => { if (await save()) void message.success(t('scheme.saved')); };
  const onSubmit = () => modal.confirm({
    title: t('submit.title'), content: t('submit.confirm'), okText: t('submit.ok'), cancelText: t('cancel'),
    onOk: async () => {
      const current = dirty ? await save() : s;
      if (!current) return;
      if (await send.run(() => submit.mutateAsync({ version: current.version }))) void message.success(t('scheme.submittedDone'));
    },
  });

  return (
    <>
      <PageHeader
        title={<>{t('scheme.title', { unit: s.unitName })} <SchemeStatusTag status={s.status} /></>}
        subtitle={t('scheme.subtitle', { n: s.versionNo })}
        extra={
          <>
            <Link to={`${SCHEMES_PATH}?unitId=${s.unitId}`}><Button icon={<ArrowLeftOutlined aria-hidden />}>{t('scheme.back')}</Button></Link>
            {editable ? <Button icon={<SaveOutlined aria-hidden />} disabled={!dirty} loading={edit.isPending} onClick={() => void onSave()}>{t('scheme.save')}</Button> : null}
            {editable ? <Button type="primary" icon={<SendOutlined aria-hidden />} loading={submit.isPending} onClick={onSubmit}>{t('scheme.submit')}</Button> : null}
            {s.status === 'submitted' && appraiser ? <Button type="primary" icon={<CheckOutlined aria-hidden />} onClick={() => setDialog('appraise')}>{t('scheme.appraise')}</Button> : null}
            {s.status === 'appraised' && approver ? <Button type="primary" icon={<CheckOutlined aria-hidden />} onClick={() => setDialog('approve')}>{t('scheme.approve')}</Button> : null}
          </>
        }
      />
      <PersonnelNav />
      <Flex vertical gap={16}>
        {s.status === 'returned' && s.appraisalNote ? <Alert type="warning" showIcon title={t('scheme.returned')} description={<p className="mc-hr-text">{s.appraisalNote}</p>} /> : null}
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
            { key: 'unit', label: t('field.unit'), children: s.unitName },
            {
              key: 'from', label: t('field.effectiveFrom'),
              children: editable ? (
                <Form form={form} layout="inline" onValuesChange={(v: { effectiveFrom?: string }) => { if (v.effectiveFrom) { setEffectiveFrom(v.effectiveFrom); setDirty(true); } }}>
                  <div style={{ width: 200 }}><DateField name="effectiveFrom" label={t('field.effectiveFrom')} /></div>
                </Form>
              ) : formatDate(s.effectiveFrom),
            },
            ...(s.appraisalNote && s.status !== 'returned' ? [{ key: 'note', label: t('scheme.appraisalNote'), children: <span className="mc-hr-text">{s.appraisalNote}</span> }] : []),
            ...(s.decisionNo ? [{ key: 'decision', label: t('scheme.decision'), children: t('decision.full', { number: s.decisionNo, date: formatDate(s.decisionDate), signer: s.signer ?? '' }) }] : []),
          ]} />
        </Card>
        <Card size="small" title={<Typography.Title level={2} className="mc-hr-h2">{t('pos.title')}</Typography.Title>}>
          {!editable && (s.status === 'draft' || s.status === 'returned') ? <Typography.Paragraph type="secondary">{t('scheme.readOnly')}</Typography.Paragraph> : null}
          <PositionsEditor rows={rows} onChange={change} readOnly={!editable} showProblems={tried} />
          <div style={{ marginTop: 12 }}><Problem text={send.problem} /></div>
        </Card>
      </Flex>
      {dialog === 'appraise' ? <AppraiseDialog scheme={s} onClose={() => setDialog(null)} reload={() => scheme.refetch()} /> : null}
      {dialog === 'approve' ? <ApproveDialog scheme={s} onClose={() => setDialog(null)} reload={() => scheme.refetch()} /> : null}
    </>
  );
}
