import { useEffect, useRef, useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, Radio, Skeleton, Tag, Typography } from 'antd';
import { FilePdfOutlined, FileWordOutlined, SaveOutlined, ScissorOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { reviewDocxUrl, reviewPdfUrl, useReview, useReviewAction, useUpdateReview } from './api-forms';
import { CostSheetTable } from './CostSheetTable';
import { count, period, vnd } from './format';
import { BackLink, Muted, NoteDialog, NotFound, Problem, Section, usePageSubmit, useRecommendationLabel } from './forms-ui';
import { useFormsT } from './i18n-forms';
import { costPath, idParam, plansPath, reviewsPath } from './paths';
import { HistoryList, ReviewStatusTag } from './review-ui';
import { ReviewNav } from './ReviewNav';
import { askedAnswers, ReviewQuestions } from './ReviewQuestions';
import type { Answers, Estimates, Recommendation, Review } from './types';
import { formOf } from './types-forms';

/**
 * `/can-bo/ra-soat-tthc/phieu/:id`: one review form (Circular 02/2017/TT-VPCP, Phụ lục): the questions
 * with what the data already says, the cost sheet with the reviewer's estimates, the recommendation and
 * conclusion; saved as a draft, submitted to the head, approved or returned; downloaded as DOCX or PDF.
 */
export default function ReviewPage() {
  const t = useFormsT();
  const id = idParam(useParams().id);
  const review = useReview(id);
  if (id === null || (review.isError && isApiError(review.error) && review.error.status === 404)) {
    return <NotFound title={t('review.notFound')} back={reviewsPath} backLabel={t('review.back')} />;
  }
  if (review.isError) return <ErrorResult error={review.error} onRetry={() => void review.refetch()} />;
  if (!review.data) return <><ReviewNav active="reviews" /><Card size="small"><Skeleton active paragraph={{ rows: 12 }} /></Card></>;
  return <ReviewView key={review.data.id} r={review.data} refetch={() => review.refetch()} />;
}

type Values = { answers: Answers; recommendation: Recommendation | null; conclusion: string };
const valuesOf = (r: Review): Values => ({ answers: r.answers, recommendation: r.recommendation, conclusion: r.conclusion ?? '' });

/** What is sent: answers without empty entries, estimates without empty figures. */
function cleanAnswers(answers: Answers | undefined): Answers {
  const out: Answers = {};
  for (const [key, a] of Object.entries(answers ?? {})) {
    const text = a?.text?.trim();
    if (a?.choice || text) out[key] = { ...(a.choice ? { choice: a.choice } : {}), ...(text ? { text } : {}) };
  }
  return out;
}
function cleanEstimates(estimates: Estimates): Estimates {
  const out: Estimates = {};
  for (const [key, e] of Object.entries(estimates)) {
    const kept = Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Estimates[string];
    if (Object.keys(kept).length) out[key] = kept;
  }
  return out;
}
/**
 * The API's paths the form shows under a field ("answers.q4", an unanswered question, under its Có/Không);
 * the estimates' errors go to the banner (the table has no field slots).
 */
function fieldOf(path: string[]) {
  if (path[0] === 'answers') return path.length === 2 ? [...path, 'choice'] : path;
  return path[0] === 'recommendation' || path[0] === 'conclusion' ? path : null;
}

function ReviewView({ r, refetch }: { r: Review; refetch: () => Promise<unknown> }) {
  const t = useFormsT();
  const recommendation = useRecommendationLabel();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [estimates, setEstimates] = useState<Estimates>(r.estimates);
  const [dirty, setDirty] = useState(false);
  const [dialog, setDialog] = useState<'approve' | 'return' | null>(null);
  const dirtyRef = useRef(false);
  const markDirty = (d: boolean) => { dirtyRef.current = d; setDirty(d); };
  const update = useUpdateReview(r.id);
  const act = useReviewAction(r.id);
  // Someone else's save first: the edits here are dropped and the record read again.
  const reload = () => { markDirty(false); return refetch(); };
  const submit = usePageSubmit(form, reload, fieldOf);

  // A new version (saved here, or read again) replaces the form's values unless there are edits in it.
  useEffect(() => {
    if (dirtyRef.current) return;
    form.resetFields();
    form.setFieldsValue(valuesOf(r));
    setEstimates(r.estimates);
  }, [r.version]); // eslint-disable-line react-hooks/exhaustive-deps

  const editable = r.allowed.edit;
  const bodyOf = (version: number) => {
    const v = form.getFieldsValue(true) as Values;
    return { answers: askedAnswers(formOf(r), cleanAnswers(v.answers)), estimates: cleanEstimates(estimates), recommendation: v.recommendation ?? null, conclusion: v.conclusion?.trim() || null, version };
  };
  const save = async () => {
    const saved = await submit.run(() => update.mutateAsync(bodyOf(r.version)));
    if (saved) {
      markDirty(false);
      void message.success(t('review.saved'));
    }
  };
  // Submitting saves what is in the form first, so what the head reads is what is on the screen.
  const send = () => modal.confirm({
    title: t('review.submit'), content: t('review.submitConfirm'), okText: t('review.submit'), cancelText: t('common.cancel'),
    onOk: async () => {
      const done = await submit.run(async () => {
        const version = editable && dirtyRef.current ? (await update.mutateAsync(bodyOf(r.version))).version : r.version;
        markDirty(false);
        return act.mutateAsync({ action: 'submit', version });
      });
      if (done) void message.success(t('review.submitted'));
    },
  });

  const planLink = `${plansPath}?${new URLSearchParams({ code: r.procedureCode, unitId: String(r.agencyUnitId), reviewId: String(r.id) }).toString()}`;
  const anyAction = editable || r.allowed.submit || r.allowed.approve || r.allowed.return;
  const facts = r.cost;
  const about = (
    <Section title={t('review.about')} testId="review-about">
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} items={[
        { key: 'code', label: t('review.procedure'), children: <Link to={costPath(r.procedureCode)}>{r.procedureCode}</Link> },
        { key: 'version', label: t('review.versionNo'), children: r.versionNo },
        { key: 'agency', label: t('review.agency'), children: r.agencyUnitName },
        { key: 'period', label: t('review.period'), children: period(facts.period) },
        { key: 'dossiers', label: t('review.dossiers'), children: count(facts.facts.dossiers) },
        { key: 'reviewer', label: t('review.reviewer'), children: r.reviewerName ?? <Muted>—</Muted> },
        { key: 'perDossier', label: t('review.perDossier'), children: <strong>{vnd(facts.sheet.perDossier.totalVnd)}</strong> },
        { key: 'yearly', label: t('review.yearly'), children: <strong data-testid="review-yearly">{vnd(facts.sheet.yearly.totalVnd)}</strong> },
        ...(r.approvedByName ? [{ key: 'approved', label: t('review.approvedBy'), children: `${r.approvedByName}${r.approvedAt ? `, ${formatDateTime(r.approvedAt)}` : ''}` }] : []),
      ]} />
    </Section>
  );

  return (
    <>
      <PageHeader title={r.procedureName}
        subtitle={<span className="mc-prf-subtitle">{t('review.meta', { code: r.procedureCode, agency: r.agencyUnitName, year: r.year })} <ReviewStatusTag status={r.status} /></span>}
        extra={<>
          <Button href={reviewDocxUrl(r.id)} icon={<FileWordOutlined aria-hidden />}>{t('review.docx')}</Button>
          <Button href={reviewPdfUrl(r.id)} target="_blank" rel="noopener" icon={<FilePdfOutlined aria-hidden />}>{t('review.pdf')}</Button>
          <Link to={planLink}><Button type={r.recommendation === 'simplify' ? 'primary' : 'default'} icon={<ScissorOutlined aria-hidden />}>{t('review.createPlan')}</Button></Link>
          <BackLink to={reviewsPath} label={t('review.back')} />
        </>} />
      <ReviewNav active="reviews" />
      <Typography.Paragraph type="secondary" className="mc-prf-basis">{r.form.title}. {r.form.basis}</Typography.Paragraph>
      {about}
      <Form<Values> form={form} layout="vertical" initialValues={valuesOf(r)} onValuesChange={() => markDirty(true)} onFinish={() => void save()}>
        <ReviewQuestions form={formOf(r)} editable={editable} answers={r.answers} onChanged={() => markDirty(true)} />
        <Section title={t('review.sheet')} testId="review-sheet">
          <CostSheetTable sheet={r.cost.sheet} editable={editable} estimates={estimates}
            onChange={(next) => { setEstimates(next); markDirty(true); }} />
        </Section>
        <Section title={t('review.conclusionTitle')} testId="review-conclusion">
          {editable ? (
            <>
              <Form.Item name="recommendation" label={t('review.recommendation')}>
                <Radio.Group aria-label={t('review.recommendation')} options={(['keep', 'simplify', 'abolish'] as const).map((v) => ({ value: v, label: t(`rec.${v}`) }))} />
              </Form.Item>
              <Form.Item name="conclusion" label={t('review.conclusion')} style={{ marginBottom: 0 }}>
                <Input.TextArea rows={5} maxLength={8000} showCount />
              </Form.Item>
            </>
          ) : (
            <Descriptions size="small" column={1} items={[
              { key: 'rec', label: t('review.recommendation'), children: <strong data-testid="review-recommendation">{recommendation(r.recommendation)}</strong> },
              { key: 'conclusion', label: t('review.conclusion'), children: r.conclusion ? <span className="mc-prf-text">{r.conclusion}</span> : <Muted>{t('answer.none')}</Muted> },
            ]} />
          )}
        </Section>
      </Form>
      <Section title={t('common.history')} testId="review-history"><HistoryList items={r.history} /></Section>
      {/* The form is long: what can be done with it stays at the bottom of the window. */}
      {anyAction ? (
        <div className="mc-prf-bar" role="region" aria-label={t('common.actions')} data-testid="review-actions">
          <Problem text={submit.problem} />
          <div className="mc-prf-bar-row">
            <span className="mc-prf-subtitle">
              <ReviewStatusTag status={r.status} />
              {dirty ? <Tag color="orange">{t('common.unsaved')}</Tag> : null}
            </span>
            <div className="mc-prf-actions">
              {editable ? <Button type={r.allowed.submit ? 'default' : 'primary'} icon={<SaveOutlined aria-hidden />} onClick={() => void save()} loading={submit.pending}>{t('review.save')}</Button> : null}
              {r.allowed.submit ? <Button type="primary" onClick={send} loading={submit.pending}>{t('review.submit')}</Button> : null}
              {r.allowed.approve ? <Button type="primary" onClick={() => setDialog('approve')}>{t('review.approve')}</Button> : null}
              {r.allowed.return ? <Button danger onClick={() => setDialog('return')}>{t('review.return')}</Button> : null}
            </div>
          </div>
        </div>
      ) : null}
      {dialog === 'approve' ? (
        <NoteDialog title={t('review.approve')} okText={t('review.approve')} noteRequired={false} hint={t('review.approveHint')}
          onClose={() => setDialog(null)} reload={reload} send={(note) => act.mutateAsync({ action: 'approve', version: r.version, ...(note ? { note } : {}) })} />
      ) : null}
      {dialog === 'return' ? (
        <NoteDialog title={t('review.return')} okText={t('review.return')} noteRequired danger hint={t('review.returnHint')}
          onClose={() => setDialog(null)} reload={reload} send={(note) => act.mutateAsync({ action: 'return', version: r.version, note })} />
      ) : null}
    </>
  );
}
