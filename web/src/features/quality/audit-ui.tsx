import { type ReactNode, useState } from 'react';
import { Button, Descriptions, Flex, Result, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { formatDate, formatNumber } from '../../shared/format';
import { DOSSIERS_PATH } from '../dossiers/roles';
import { useQualityT } from './i18n';
import { todayInVietnam } from './paths';
import type { AuditItemResult, AuditStatus, FindingKind, NcSource, NcStatus, SignalEvidence } from './types-audit';

/** A dossier's page in the staff workspace (web/src/features/dossiers). */
export const dossierPath = (code: string) => `${DOSSIERS_PATH}/${encodeURIComponent(code)}`;

/** The year the pages open on: this Vietnamese calendar year. */
export const thisYear = () => Number(todayInVietnam().slice(0, 4));
/** Years offered by the pickers: three back, one ahead. */
export const yearChoices = (around: number = thisYear()) => [around + 1, around, around - 1, around - 2, around - 3];

const AUDIT_COLOURS: Record<AuditStatus, string> = { planned: 'default', in_progress: 'blue', reported: 'green', cancelled: 'default' };
const RESULT_COLOURS: Record<AuditItemResult, string> = { conform: 'green', nonconformity: 'red', observation: 'orange', na: 'default' };
const NC_COLOURS: Record<NcStatus, string> = { open: 'red', action_planned: 'orange', actions_done: 'blue', verified_effective: 'green', closed: 'default' };

// The server's labels are Vietnamese only; the tags say each state in the reader's language.
export function AuditStatusTag({ status }: { status: AuditStatus }) {
  const t = useQualityT();
  return <Tag color={AUDIT_COLOURS[status]} data-status={status} className="mc-qms-tag">{t(`auditStatus.${status}`)}</Tag>;
}

export function ResultTag({ result }: { result: AuditItemResult | null }) {
  const t = useQualityT();
  return result ? <Tag color={RESULT_COLOURS[result]} data-result={result} className="mc-qms-tag">{t(`result.${result}`)}</Tag>
    : <Tag data-result="none" className="mc-qms-tag">{t('result.none')}</Tag>;
}

export function FindingKindTag({ kind }: { kind: FindingKind }) {
  const t = useQualityT();
  return <Tag color={kind === 'nonconformity' ? 'red' : 'orange'} data-kind={kind} className="mc-qms-tag">{t(`kind.${kind}`)}</Tag>;
}

export function NcStatusTag({ status }: { status: NcStatus }) {
  const t = useQualityT();
  return <Tag color={NC_COLOURS[status]} data-status={status} className="mc-qms-tag">{t(`nc.status.${status}`)}</Tag>;
}

export function ReviewStatusTag({ status }: { status: 'draft' | 'held' }) {
  const t = useQualityT();
  return <Tag color={status === 'held' ? 'green' : 'default'} data-status={status} className="mc-qms-tag">{t(`rev.status.${status}`)}</Tag>;
}

export function useSourceLabel() {
  const t = useQualityT();
  return (s: NcSource) => t(`nc.source.${s}`);
}

const VERIFICATION_STATES = ['awaiting_actions', 'not_yet', 'verifiable', 'overdue'] as const;

/** Where the verification of effectiveness stands, in the reader's language (the server's label otherwise). */
export function useVerificationState() {
  const t = useQualityT();
  return (state: string, label: string) => ((VERIFICATION_STATES as readonly string[]).includes(state) ? t(`verif.state.${state as (typeof VERIFICATION_STATES)[number]}`) : label);
}

/** A met / not met / no data tag: the words say it, the colour only repeats it. */
export function MetTag({ met }: { met: boolean | null }) {
  const t = useQualityT();
  if (met === null) return <Tag className="mc-qms-tag" data-met="none">{t('rev.noData')}</Tag>;
  return <Tag color={met ? 'green' : 'red'} className="mc-qms-tag" data-met={String(met)}>{met ? t('rev.met') : t('rev.notMet')}</Tag>;
}

/** "Not found" for a record page, with the way back. */
export function NotFound({ title, back, backLabel }: { title: string; back: string; backLabel: string }) {
  const t = useQualityT();
  return <Result status="404" title={title} subTitle={t('a.notFound')} extra={<BackLink to={back} label={backLabel} />} />;
}

export function BackLink({ to, label }: { to: string; label: string }) {
  return <Link to={to}><Button icon={<ArrowLeftOutlined aria-hidden />}>{label}</Button></Link>;
}

export function Muted({ children }: { children: ReactNode }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}

const CODES_SHOWN = 10;

/**
 * Dossier codes as links to the dossiers: the first ten, the rest on request, and the count of those the
 * evidence left out (it keeps at most 50 codes, and always the total).
 */
export function DossierCodes({ codes, total }: { codes: readonly string[]; total?: number }) {
  const t = useQualityT();
  const [all, setAll] = useState(false);
  if (!codes.length) return <Muted>{t('ncp.ev.noCodes')}</Muted>;
  const shown = all ? codes : codes.slice(0, CODES_SHOWN);
  const more = (total ?? codes.length) - shown.length;
  return (
    <Flex wrap gap={6} align="center" data-testid="dossier-codes">
      {shown.map((c) => <Link key={c} to={dossierPath(c)} className="mc-code">{c}</Link>)}
      {shown.length < codes.length
        ? <Button type="link" size="small" onClick={() => setAll(true)} style={{ paddingInline: 0 }}>{t('a.dossierShowAll', { n: codes.length })}</Button>
        : more > 0 ? <Muted>{t('a.dossierMore', { n: more })}</Muted> : null}
    </Flex>
  );
}

/** A signal's figures: the period, the day read, the count against the dossiers handled, the dossiers behind it. */
export function SignalEvidenceView({ evidence }: { evidence: Partial<SignalEvidence> }) {
  const t = useQualityT();
  const e = evidence;
  const percent = typeof e.percent === 'number' ? `${String(e.percent).replace('.', ',')}%` : null;
  const n = { count: formatNumber(e.count), total: formatNumber(e.total) };
  // A share is null for apology slips (they count events, not dossiers); figures measured again carry none.
  const figure = e.count === undefined || e.total === undefined ? null
    : percent ? t('ncp.ev.count', { ...n, percent }) : e.percent === null ? t('ncp.ev.countOnly', n) : t('ncp.ev.ratio', n);
  return (
    <Descriptions size="small" column={1} data-testid="signal-evidence" items={[
      ...(e.period ? [{ key: 'period', label: t('ncp.ev.period'), children: t('a.period', { from: formatDate(e.period.from), to: formatDate(e.period.to) }) }] : []),
      ...(e.asOf ? [{ key: 'asOf', label: t('ncp.ev.asOf'), children: formatDate(e.asOf) }] : []),
      ...(figure ? [{ key: 'figure', label: t('ncp.ev.figure'), children: figure }] : []),
      ...(e.figures ? [{ key: 'dossiers', label: t('ncp.ev.dossiers'), children: formatNumber(e.figures.dossiers) }] : []),
      { key: 'codes', label: t('ncp.ev.codes'), children: <DossierCodes codes={e.dossierCodes ?? []} total={e.dossierCodesTotal} /> },
    ]} />
  );
}
