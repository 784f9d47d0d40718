import { Tag } from 'antd';
import type { SheetStatus, Stage } from '../api-rounds';
import { useParRoundT } from '../i18n-rounds';

const STAGE_COLOR: Record<Stage, string> = {
  self_assessment: 'blue', appraisal1: 'gold', explanation: 'orange', appraisal2: 'gold', council: 'purple', approved: 'cyan', published: 'green',
};

export function StageTag({ stage }: { stage: Stage }) {
  const t = useParRoundT();
  return <Tag color={STAGE_COLOR[stage]} data-stage={stage} style={{ marginInlineEnd: 0 }}>{t(`stage.${stage}`)}</Tag>;
}

export function SheetStatusTag({ status }: { status: SheetStatus }) {
  const t = useParRoundT();
  return <Tag color={status === 'submitted' ? 'green' : 'default'} data-status={status} style={{ marginInlineEnd: 0 }}>{t(`sheetStatus.${status}`)}</Tag>;
}

export function LateTag() {
  const t = useParRoundT();
  return <Tag color="red" style={{ marginInlineEnd: 0 }}>{t('late')}</Tag>;
}
