import { useEffect, useRef, useState } from 'react';
import { App, Button, Card, Col, Collapse, Descriptions, Form, Grid, Input, Row, Skeleton, Tag, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../shared/api';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { usePlan, usePlanAction, useUpdatePlan } from './api-forms';
import { CostSheetTable } from './CostSheetTable';
import { BackLink, Muted, NoteDialog, NotFound, Problem, Section, usePageSubmit } from './forms-ui';
import { useFormsT } from './i18n-forms';
import { costPath, idParam, plansPath, reviewPath } from './paths';
import { type ChangesValues, ChangesRead, changesFieldOf, changesOf, changesValuesOf, PlanChangesForm, sourceOfPlan } from './PlanChangesForm';
import { PlanSavings } from './PlanSavings';
import { HistoryList, PlanStatusTag } from './review-ui';
import { ReviewNav } from './ReviewNav';
import type { Plan } from './types';

/**
 * `/can-bo/ra-soat-tthc/phuong-an/:id`: one simplification plan — what it changes in the procedure, the
 * compliance cost before and after (per dossier and a year) and the saving, the real saving measured once
 * the new version is in force; saved as a draft, proposed, approved, returned or not approved.
 */
export default function PlanPage() {
  const t = useFormsT();
  const id = idParam(useParams().id);
  const plan = usePlan(id);
  if (id === null || (plan.isError && isApiError(plan.error) && plan.error.status === 404)) {
    return <NotFound title={t('plan.notFound')} back={plansPath} backLabel={t('plan.back')} />;
  }
  if (plan.isError) return <ErrorResult error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!plan.data) return <><ReviewNav active="plans" /><Card size="small"><Skeleton active paragraph={{ rows: 12 }} /></Card></>;
  return <PlanView key={plan.data.id} p={plan.data} refetch={() => plan.refetch()} />;
}

type Values = ChangesValues & { title: string; rationale: string };
const valuesOf = (p: Plan): Values => ({ ...changesValuesOf(sourceOfPlan(p)), title: p.title, rationale: p.rationale ?? '' });
const fieldOf = (path: string[]) => (path[0] === 'title' || path[0] === 'rationale' ? [path[0]] : changesFieldOf(path));

function PlanView({ p, refetch }: { p: Plan; refetch: () => Promise<unknown> }) {
  const t = useFormsT();
  const wide = Grid.useBreakpoint().xl ?? true;
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [dirty, setDirty] = useState(false);
  const [dialog, setDialog] = useState<'approve' | 'return' | 'reject' | null>(null);
  const dirtyRef = useRef(false);
  const markDirty = (d: boolean) => { dirtyRef.current = d; setDirty(d); };
  const update = useUpdatePlan(p.id);
  const act = usePlanAction(p.id);
  const reload = () => { markDirty(false); return refetch(); };
  const submit = usePageSubmit(form, reload, fieldOf);

  // A new version (saved here, or read again) replaces the form's values unless there are edits in it.
  useEffect(() => {
    if (dirtyRef.current) return;
    form.resetFields();
    form.setFieldsValue(valuesOf(p));
  }, [p.version]); // eslint-disable-line react-hooks/exhaustive-deps

  const editable = p.allowed.edit;
  const bodyOf = (version: number) => {
    const v = form.getFieldsValue(true) as Values;
    return { title: (v.title ?? '').trim(), rationale: v.rationale?.trim() || null, changes: changesOf(v, sourceOfPlan(p)), version };
  };
  const save = async () => {
    const saved = await submit.run(() => update.mutateAsync(bodyOf(p.version)));
    if (saved) {
      markDirty(false);
      void message.success(t('plan.saved'));
    }
  };
  // Proposing saves what is in the form first, so what the head reads is what is on the screen.
  const propose = () => modal.confirm({
    title: t('plan.propose'), content: t('plan.proposeConfirm'), okText: t('plan.propose'), cancelText: t('common.cancel'),
    onOk: async () => {
      const done = await submit.run(async () => {
        const version = editable && dirtyRef.current ? (await update.mutateAsync(bodyOf(p.version))).version : p.version;
        markDirty(false);
        return act.mutateAsync({ action: 'propose', version });
      });
      if (done) void message.success(t('plan.proposed'));
    },
  });

  const a = p.allowed;
  const anyAction = a.edit || a.propose || a.approve || a.reject;
  const actions = (
    <Card size="small" title={<Typography.Title level={2} className="mc-prf-h2">{t('common.actions')}</Typography.Title>} className="mc-pr-card">
      {anyAction ? (
        <div className="mc-prf-actions" data-testid="plan-actions">
          {a.edit ? <Button type={a.propose ? 'default' : 'primary'} icon={<SaveOutlined aria-hidden />} onClick={() => form.submit()} loading={submit.pending}>{t('plan.save')}</Button> : null}
          {a.propose ? <Button type="primary" onClick={propose} loading={submit.pending}>{t('plan.propose')}</Button> : null}
          {a.approve ? <Button type="primary" onClick={() => setDialog('approve')}>{t('plan.approve')}</Button> : null}
          {a.approve ? <Button onClick={() => setDialog('return')}>{t('plan.return')}</Button> : null}
          {a.reject ? <Button danger onClick={() => setDialog('reject')}>{t('plan.reject')}</Button> : null}
        </div>
      ) : <Muted>{t('plan.noActions')}</Muted>}
      {dirty ? <Tag color="orange" style={{ marginTop: 8 }}>{t('common.unsaved')}</Tag> : null}
      <Problem text={submit.problem} />
    </Card>
  );
  const about = (
    <Card size="small" title={<Typography.Title level={2} className="mc-prf-h2">{t('plan.about')}</Typography.Title>} className="mc-pr-card">
      <Descriptions size="small" column={1} items={[
        { key: 'code', label: t('review.procedure'), children: <Link to={costPath(p.procedureCode)}>{p.procedureCode}</Link> },
        { key: 'version', label: t('plan.baseVersion'), children: p.baseVersionNo },
        { key: 'agency', label: t('review.agency'), children: p.agencyUnitName },
        { key: 'year', label: t('review.year'), children: p.year },
        { key: 'review', label: t('plan.review'), children: p.reviewId ? <Link to={reviewPath(p.reviewId)}>{t('plans.reviewNo', { id: p.reviewId })}</Link> : <Muted>{t('plan.noReview')}</Muted> },
      ]} />
    </Card>
  );
  const side = <>{actions}{about}<Section title={t('common.history')} testId="plan-history"><HistoryList items={p.history} /></Section></>;

  return (
    <>
      <PageHeader title={p.title}
        subtitle={<span className="mc-prf-subtitle">{t('plan.meta', { code: p.procedureCode, name: p.procedureName, agency: p.agencyUnitName, year: p.year })} <PlanStatusTag status={p.status} /></span>}
        extra={<BackLink to={plansPath} label={t('plan.back')} />} />
      <ReviewNav active="plans" />
      <Row gutter={[16, 0]}>
        <Col xs={24} xl={16}>
          {wide ? null : actions}
          <PlanSavings plan={p} />
          <Form<Values> form={form} layout="vertical" initialValues={valuesOf(p)} onValuesChange={() => markDirty(true)} onFinish={() => void save()}>
            <Section title={t('plan.changes')} testId="plan-changes-form">
              {editable ? (
                <>
                  <Form.Item name="title" label={t('field.planTitle')} rules={[{ required: true, whitespace: true, min: 3, message: t('common.min3') }]}>
                    <Input maxLength={500} />
                  </Form.Item>
                  <Form.Item name="rationale" label={t('field.rationale')}>
                    <Input.TextArea rows={3} maxLength={8000} />
                  </Form.Item>
                </>
              ) : p.rationale ? <Typography.Paragraph className="mc-prf-text"><strong>{t('field.rationale')}:</strong> {p.rationale}</Typography.Paragraph> : null}
              {editable ? <PlanChangesForm source={sourceOfPlan(p)} /> : <ChangesRead plan={p} />}
              {editable ? <Button type="primary" htmlType="submit" icon={<SaveOutlined aria-hidden />} loading={submit.pending}>{t('plan.saveAndCompute')}</Button> : null}
            </Section>
          </Form>
          {wide ? null : <>{about}<Section title={t('common.history')} testId="plan-history"><HistoryList items={p.history} /></Section></>}
        </Col>
        <Col xs={24} xl={8}>{wide ? <div className="mc-prf-sticky">{side}</div> : null}</Col>
      </Row>
      <Section title={t('plan.sheets')} testId="plan-sheets">
        <Collapse size="small" items={[
          { key: 'before', label: t('plan.sheetBefore'), children: <CostSheetTable sheet={p.before} label={t('plan.sheetBefore')} /> },
          { key: 'after', label: t('plan.sheetAfter'), children: <CostSheetTable sheet={p.after} label={t('plan.sheetAfter')} /> },
        ]} />
      </Section>
      {dialog === 'approve' ? (
        <NoteDialog title={t('plan.approve')} okText={t('plan.approve')} noteRequired={false} hint={t('plan.approveHint')}
          onClose={() => setDialog(null)} reload={reload} send={(note) => act.mutateAsync({ action: 'approve', version: p.version, ...(note ? { note } : {}) })} />
      ) : null}
      {dialog === 'return' ? (
        <NoteDialog title={t('plan.return')} okText={t('plan.return')} noteRequired hint={t('plan.returnHint')}
          onClose={() => setDialog(null)} reload={reload} send={(note) => act.mutateAsync({ action: 'return', version: p.version, note })} />
      ) : null}
      {dialog === 'reject' ? (
        <NoteDialog title={t('plan.reject')} okText={t('plan.reject')} noteRequired danger hint={t('plan.rejectHint')}
          onClose={() => setDialog(null)} reload={reload} send={(note) => act.mutateAsync({ action: 'reject', version: p.version, note })} />
      ) : null}
    </>
  );
}
