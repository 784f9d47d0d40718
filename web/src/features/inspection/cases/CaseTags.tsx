import { Tag } from 'antd';
import type { CaseClock, CaseKind, CaseStatus } from '../api-cases';
import { useCasesT } from '../i18n';
import { ClockTag, Unverified } from '../ui';

const STATUS_COLOR: Record<CaseStatus, string> = { received: 'blue', accepted: 'geekblue', verifying: 'purple', concluded: 'green', refused: 'default' };
const KIND_COLOR: Record<CaseKind, string> = { complaint_first: 'cyan', complaint_second: 'cyan', denunciation: 'magenta', not_eligible: 'default' };

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const t = useCasesT();
  return <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }}>{t(`status.${status}`)}</Tag>;
}

export function CaseKindTag({ kind }: { kind: CaseKind }) {
  const t = useCasesT();
  return <Tag color={KIND_COLOR[kind]} style={{ marginInlineEnd: 0 }}>{t(`kind.${kind}`)}</Tag>;
}

/**
 * A case's clock named as the law names it: the server's Vietnamese label (with its article), or ours in
 * English; an asterisk when the rule set it was counted with is not yet confirmed.
 */
export function useClockLabel() {
  const t = useCasesT();
  return (c: CaseClock, locale: 'vi' | 'en') => (locale === 'vi' ? c.label : t(`clock.${c.name}`));
}

export function CaseClockTag({ clock, label }: { clock: CaseClock; label: string }) {
  return (
    <span>
      <ClockTag clock={clock} label={label} />
      {clock.verified ? null : <Unverified from={clock.rulesFrom} />}
    </span>
  );
}
