import { Flex, Tag, Tooltip, Typography } from 'antd';
import type { EvaluationResult } from '../../../../../src/modules/personnel/rules/evaluation';
import { useLocale } from '../../../shared/i18n';
import type { EvaluationStatus } from '../api-people';
import { useEvaluationT } from '../i18n';
import { RATING_LABELS, type Rating } from '../labels';

const RATING_COLOURS: Record<Rating, string> = { excellent: 'green', good: 'blue', completed: 'gold', not_completed: 'red' };
const STATUS_COLOURS: Record<EvaluationStatus, string> = { not_started: 'default', self: 'orange', reviewed: 'blue', approved: 'green' };

export function RatingTag({ rating, proposed }: { rating: Rating | null; proposed?: boolean }) {
  const locale = useLocale();
  const t = useEvaluationT();
  if (!rating) return null;
  const tag = <Tag color={proposed ? 'default' : RATING_COLOURS[rating]} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>{RATING_LABELS[rating][locale]}</Tag>;
  return proposed ? <Tooltip title={t('rating.proposedTip')}>{tag}</Tooltip> : tag;
}

export function SheetStatusTag({ status }: { status: EvaluationStatus }) {
  const t = useEvaluationT();
  return <Tag color={STATUS_COLOURS[status]} style={{ marginInlineEnd: 0 }}>{t(`estatus.${status}`)}</Tag>;
}

/** Rated good because the unit's share of "excellent" was full (the province's quota), not for the points. */
export function DemotedTag({ share }: { share: number | null }) {
  const t = useEvaluationT();
  return (
    <Tooltip title={share === null ? t('demoted.tipNoShare') : t('demoted.tip', { pct: Math.round(share * 100) })}>
      <Tag color="orange" style={{ marginInlineEnd: 0 }} data-demoted>{t('demoted.tag')}</Tag>
    </Tooltip>
  );
}

export const fmtPoints = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toLocaleString('vi-VN', { maximumFractionDigits: 2 }));

/** The rating the figures entered so far would give (the province's rule, run in the browser), or why they do not add up. */
export function RatingPreview({ preview, gap }: { preview: EvaluationResult | null; gap: number }) {
  const t = useEvaluationT();
  return (
    <div aria-live="polite" style={{ marginBottom: gap }}>
      {preview ? (preview.ok ? (
        <Flex vertical gap={4}>
          <Flex gap={8} align="center" wrap><Typography.Text>{t('self.preview', { points: preview.points })}</Typography.Text><RatingTag rating={preview.rating} proposed /></Flex>
          {preview.reasons.map((r) => <Typography.Text key={r} type="secondary">{r}</Typography.Text>)}
        </Flex>
      ) : <Typography.Text type="danger">{preview.message}</Typography.Text>) : null}
    </div>
  );
}
