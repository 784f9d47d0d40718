import type { ReactNode } from 'react';
import { App, Button, Card, Col, Result, Row, Skeleton, Tooltip, Typography } from 'antd';
import { AuditOutlined, ScissorOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../shared/api';
import { formatDate } from '../../shared/format';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useCreateReview, useProcedureCost, useReviewUnits } from './api';
import { CostSheetTable } from './CostSheetTable';
import { bigVnd, count, day, period, share } from './format';
import { useReviewT } from './i18n';
import { REVIEW_PATH, planPath, plansPath, reviewPath } from './paths';
import { PeriodFilters, periodSearch, usePeriodQuery } from './PeriodFilters';
import { PlanStatusTag, ReviewStatusTag } from './review-ui';
import { ReviewNav } from './ReviewNav';
import type { ProcedureCost } from './types';

/** One figure of the facts: its label, the figure and, for a share, the fraction it comes from. */
function Fact({ label, value, note }: { label: string; value: ReactNode; note?: ReactNode }) {
  return (
    <div className="mc-pr-fact">
      <span className="mc-pr-fact-label">{label}</span>
      <span className="mc-pr-fact-value">{value}</span>
      {note ? <span className="mc-pr-fact-note">{note}</span> : null}
    </div>
  );
}

function Facts({ cost }: { cost: ProcedureCost }) {
  const t = useReviewT();
  const f = cost.facts;
  const part = (p: number, whole: number) => (whole > 0 ? share(p / whole) : null) ?? t('common.noData');
  const of = (p: number, whole: number) => t('fact.ofWhich', { part: count(p), whole: count(whole) });
  return (
    <div className="mc-pr-facts" data-testid="pr-facts">
      <Fact label={t('fact.dossiers')} value={count(f.dossiers)} note={t('common.period', { period: period(cost.period) })} />
      <Fact label={t('fact.yearly')} value={count(cost.sheet.yearlyDossiers)} />
      <Fact label={t('fact.channels')} value={`${count(f.online)} / ${count(f.desk)} / ${count(f.post)}`} note={t('col.online') + ': ' + part(f.online, f.dossiers)} />
      <Fact label={t('fact.supplement')} value={part(f.supplementDossiers, f.dossiers)} note={of(f.supplementDossiers, f.dossiers)} />
      <Fact label={t('fact.supplementTrips')} value={`${count(f.supplementTrips)} / ${count(f.supplementOnline)}`} />
      <Fact label={t('fact.late')} value={part(f.late, f.completed)} note={of(f.late, f.completed)} />
      <Fact label={t('fact.resultsAtDesk')} value={part(f.resultsAtDesk, f.resultsReturned)} note={of(f.resultsAtDesk, f.resultsReturned)} />
      {cost.timeLimit ? <Fact label={t('fact.timeLimit')} value={t(`timeUnit.${cost.timeLimit.unit}`, { n: cost.timeLimit.amount })} /> : null}
      {cost.onlineMode ? (
        <Fact label={t('fact.onlineMode')} value={cost.onlineMode === 'full' || cost.onlineMode === 'partial' ? t(`online.${cost.onlineMode}`) : cost.onlineMode === 'none' ? t('online.none') : cost.onlineMode} />
      ) : null}
    </div>
  );
}

/** `/can-bo/ra-soat-tthc/thu-tuc/:code`: a procedure's facts over the period and its cost sheet, and where to start a review or a plan. */
export default function ProcedureCostPage() {
  const t = useReviewT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { code } = useParams();
  const { query, update } = usePeriodQuery();
  const cost = useProcedureCost(code, query);
  const units = useReviewUnits();
  const create = useCreateReview();
  const data = cost.data;
  const unit = data ? units.data?.items.find((u) => u.id === data.unitId) : undefined;
  const mayManage = !!unit?.manage;
  // The review's year is this year in Vietnam, whatever the browser's time zone.
  const year = Number(formatDate(new Date()).slice(-4));

  const startReview = () => {
    if (!data || !unit) return;
    create.mutate({ procedureCode: data.procedureCode, agencyUnitId: unit.id, year }, {
      onSuccess: ({ id, existed }) => {
        if (existed) void message.info(t('cost.reviewExists', { year }));
        navigate(reviewPath(id));
      },
      onError: (error) => void message.error(isApiError(error) ? error.messageIn() : String(error)),
    });
  };
  const startPlan = () => {
    if (!data) return;
    navigate(`${plansPath}?code=${encodeURIComponent(data.procedureCode)}&unitId=${data.unitId}`);
  };
  const guard = (button: ReactNode) => (mayManage ? button : <Tooltip title={t('cost.noManage')}><span>{button}</span></Tooltip>);

  if (cost.isError && !data) {
    const missing = isApiError(cost.error) && cost.error.status === 404;
    return (
      <>
        <PageHeader title={t('cost.title')} />
        <ReviewNav active="ranking" />
        {missing ? <Result status="404" title={t('common.notFound')} extra={<Link to={REVIEW_PATH}>{t('cost.back')}</Link>} />
          : <ErrorResult error={cost.error} onRetry={() => void cost.refetch()} />}
      </>
    );
  }

  return (
    <>
      <PageHeader title={data?.procedureName ?? t('cost.title')}
        subtitle={data ? (
          <>
            {t('cost.meta', { code: data.procedureCode, n: data.version.number })}
            {data.version.effectiveFrom ? `, ${t('cost.effective', { date: day(data.version.effectiveFrom) })}` : ''}
            {' · '}{data.unitName}{' · '}{period(data.period)}
          </>
        ) : null}
        extra={data ? <>
          {guard(<Button type="primary" icon={<AuditOutlined aria-hidden />} disabled={!mayManage} loading={create.isPending} onClick={startReview}>{t('cost.createReview')}</Button>)}
          {guard(<Button icon={<ScissorOutlined aria-hidden />} disabled={!mayManage} onClick={startPlan}>{t('cost.createPlan')}</Button>)}
        </> : null} />
      <ReviewNav active="ranking" />
      <Typography.Paragraph style={{ marginTop: -8 }}>
        <Link to={`${REVIEW_PATH}${periodSearch(query)}`}>← {t('cost.back')}</Link>
      </Typography.Paragraph>
      <Card size="small">
        <PeriodFilters query={query} update={update} shownUnitId={data?.unitId} shownPeriod={data?.period} />
      </Card>

      {!data ? <Skeleton active className="mc-pr-card" /> : (
        <>
          {cost.isError ? <div className="mc-pr-card"><ErrorResult variant="inline" error={cost.error} onRetry={() => void cost.refetch()} /></div> : null}
          <Card size="small" className="mc-pr-card" title={t('cost.facts')}><Facts cost={data} /></Card>
          <Card size="small" className="mc-pr-card" title={t('cost.sheet')}
            extra={<Typography.Text strong className="mc-pr-num">{t('col.yearly')}: {bigVnd(data.sheet.yearly.totalVnd)}</Typography.Text>}>
            <CostSheetTable sheet={data.sheet} />
          </Card>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card size="small" className="mc-pr-card" title={t('cost.reviews')}>
                {data.reviews.length ? (
                  <ul className="mc-pr-links" aria-label={t('cost.reviews')}>
                    {data.reviews.map((r) => (
                      <li key={r.id}>
                        <Link to={reviewPath(r.id)}>{t('cost.reviewItem', { year: r.year, agency: r.agencyUnitName })}</Link>
                        <ReviewStatusTag status={r.status} />
                      </li>
                    ))}
                  </ul>
                ) : <Typography.Text type="secondary">{t('cost.noReviews')}</Typography.Text>}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" className="mc-pr-card" title={t('cost.plans')}>
                {data.plans.length ? (
                  <ul className="mc-pr-links" aria-label={t('cost.plans')}>
                    {data.plans.map((p) => (
                      <li key={p.id}>
                        <Link to={planPath(p.id)}>{p.title}</Link>
                        <PlanStatusTag status={p.status} />
                        {p.savingVnd > 0 ? <Typography.Text type="secondary">{t('cost.saving', { amount: bigVnd(p.savingVnd) })}</Typography.Text> : null}
                      </li>
                    ))}
                  </ul>
                ) : <Typography.Text type="secondary">{t('cost.noPlans')}</Typography.Text>}
              </Card>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
