import { Alert, Descriptions, Flex, Typography } from 'antd';
import { formatDateTime } from '../../../shared/format';
import type { SheetDetail } from '../api-evaluations';
import { useEvaluationT } from '../i18n';
import { DemotedTag, RatingTag, SheetStatusTag, fmtPoints } from './RatingTag';

/** One year's sheet read as the approver reads it: the person's figures, the manager's review, the rating and why. */
export function SheetView({ detail }: { detail: SheetDetail }) {
  const t = useEvaluationT();
  const s = detail.sheet;
  const f = s?.selfFacts;
  const sys = detail.systemFacts;
  const quota = detail.rule?.rule.excellentQuota?.share ?? null;
  return (
    <Flex vertical gap={12}>
      {detail.disciplined ? <Alert type="warning" showIcon title={t('sheet.disciplined')} /> : null}
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={[
        { key: 'status', label: t('sheet.status'), children: <SheetStatusTag status={s?.status ?? 'not_started'} /> },
        { key: 'rule', label: t('sheet.rule'), children: detail.rule ? detail.rule.name : <Typography.Text type="secondary">{t('sheet.noRule')}</Typography.Text> },
        ...(f ? [
          { key: 'selfPoints', label: t('sheet.selfPoints'), children: t('sheet.pointsSplit', { general: fmtPoints(f.generalPoints), tasks: fmtPoints(f.taskPoints), total: fmtPoints(f.generalPoints + f.taskPoints) }) },
          { key: 'tasks', label: t('sheet.tasks'), children: t('sheet.tasksValue', { done: f.tasks.done, total: f.tasks.total, exceeded: f.tasks.exceeded }) },
          { key: 'criteria', label: t('sheet.criteria'), children: t('sheet.criteriaValue', { weak: f.criteria.weak, failed: f.criteria.failed, total: f.criteria.total }) },
        ] : []),
        { key: 'self', label: t('sheet.selfAssessment'), span: 'filled' as const, children: s?.selfAssessment ? <p className="mc-hr-text">{s.selfAssessment}</p> : <Typography.Text type="secondary">{t('sheet.notYet')}</Typography.Text> },
        ...(s?.managerComment ? [
          { key: 'comment', label: t('sheet.managerComment'), span: 'filled' as const, children: <p className="mc-hr-text">{s.managerComment}</p> },
          { key: 'minutes', label: t('sheet.minutes'), span: 'filled' as const, children: <p className="mc-hr-text">{s.meetingMinutes}</p> },
          { key: 'points', label: t('sheet.points'), children: fmtPoints(s.points) },
          { key: 'reviewedAt', label: t('sheet.reviewedAt'), children: formatDateTime(s.reviewedAt) },
        ] : []),
        ...(s && (s.rating || s.proposedRating) ? [{
          key: 'rating', label: t('sheet.rating'), span: 'filled' as const,
          children: (
            <Flex vertical gap={4}>
              <Flex gap={6} wrap>{s.rating ? <RatingTag rating={s.rating} /> : <RatingTag rating={s.proposedRating} proposed />}{s.demoted ? <DemotedTag share={quota} /> : null}</Flex>
              {(s.reasons ?? []).map((r) => <Typography.Text key={r} type="secondary">{r}</Typography.Text>)}
            </Flex>
          ),
        }] : []),
        ...(sys ? [{
          key: 'system', label: t('sheet.system'), span: 'filled' as const,
          children: (
            <Flex vertical gap={2}>
              {sys.dossierSteps ? <span>{t('sys.dossiers', { onTime: sys.dossierSteps.onTime, total: sys.dossierSteps.total })}</span> : null}
              {sys.directiveTasks ? <span>{t('sys.tasks', { done: sys.directiveTasks.done, onTime: sys.directiveTasks.onTime, total: sys.directiveTasks.total })}</span> : null}
              {sys.par ? <span>{sys.par.rank ? t('sys.parRank', { points: fmtPoints(sys.par.points), rank: sys.par.rank, of: sys.par.of ?? '' }) : t('sys.par', { points: fmtPoints(sys.par.points) })}</span> : null}
              {!sys.dossierSteps && !sys.directiveTasks && !sys.par ? <Typography.Text type="secondary">{t('sys.none')}</Typography.Text> : null}
            </Flex>
          ),
        }] : []),
      ]} />
    </Flex>
  );
}
