import { useState } from 'react';
import { Button, DatePicker, Flex, Form, Input, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { DATE_PATTERN, formatDate, formatNumber } from '../../shared/format';
import { useT } from '../../shared/i18n';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useAcceptProposal, useDismissProposal, useProposals } from './api-audits';
import { AuditModal } from './AuditDialogs';
import { DossierCodes, Muted, NotFound, useSourceLabel } from './audit-ui';
import { OwnerUnitSelect } from './audit-pickers';
import { useQualityT } from './i18n';
import { QualityNav } from './QualityNav';
import { QUALITY_PATH, idParam, nonconformityPath } from './paths';
import { EmptyText, Section } from './qms-ui';
import type { Proposal } from './types-audit';
import './audit.css';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `/can-bo/chat-luong/:qmsId/de-xuat`: nonconformities the system proposes from each procedure's signals
 * over a period (by default the last full quarter, as the server chooses), with their evidence. The ISO
 * secretary opens one as a record, owned by a unit, or dismisses it with a reason.
 */
export default function ProposalsPage() {
  const t = useQualityT();
  const qmsId = idParam(useParams().qmsId);
  return qmsId === null ? <NotFound title={t('a.noSystem')} back={QUALITY_PATH} backLabel={t('a.back')} /> : <ProposalsView qmsId={qmsId} />;
}

function ProposalsView({ qmsId }: { qmsId: number }) {
  const t = useQualityT();
  const ts = useT();
  const [params, setParams] = useSearchParams();
  const from = ISO_DAY.test(params.get('from') ?? '') ? params.get('from')! : undefined;
  const to = ISO_DAY.test(params.get('to') ?? '') ? params.get('to')! : undefined;
  const list = useProposals(qmsId, from && to ? { from, to } : {});
  const [accepting, setAccepting] = useState<Proposal | null>(null);
  const [dismissing, setDismissing] = useState<Proposal | null>(null);
  const period = list.data?.period;
  const setPeriod = (next: { from?: string; to?: string }) => {
    const p = new URLSearchParams(params);
    const f = next.from ?? period?.from;
    const e = next.to ?? period?.to;
    if (f && e) { p.set('from', f); p.set('to', e); }
    setParams(p, { replace: true });
  };
  const lastQuarter = () => {
    const p = new URLSearchParams(params);
    p.delete('from'); p.delete('to');
    setParams(p, { replace: true });
  };

  return (
    <>
      <PageHeader title={t('prop.title')} subtitle={t('prop.subtitle')} />
      <QualityNav qmsId={qmsId} active="proposals" />
      <Section title={t('prop.list')}>
        <Flex gap={12} wrap align="flex-end" style={{ marginBottom: 12 }}>
          <Flex vertical gap={4}>
            <label htmlFor="prop-from">{t('prop.from')}</label>
            <DatePicker id="prop-from" format={DATE_PATTERN} placeholder={ts('common.datePlaceholder')} allowClear={false} value={period ? dayjs(period.from) : undefined}
              onChange={(d) => d && setPeriod({ from: d.format('YYYY-MM-DD') })} style={{ width: 170 }} />
          </Flex>
          <Flex vertical gap={4}>
            <label htmlFor="prop-to">{t('prop.to')}</label>
            <DatePicker id="prop-to" format={DATE_PATTERN} placeholder={ts('common.datePlaceholder')} allowClear={false} value={period ? dayjs(period.to) : undefined}
              onChange={(d) => d && setPeriod({ to: d.format('YYYY-MM-DD') })} style={{ width: 170 }} />
          </Flex>
          <Button onClick={lastQuarter} disabled={!from && !to}>{t('prop.lastQuarter')}</Button>
        </Flex>
        {list.data ? <Muted>{t('prop.asOf', { from: formatDate(list.data.period.from), to: formatDate(list.data.period.to), asOf: formatDate(list.data.asOf) })}</Muted> : null}
        <div style={{ marginTop: 12 }}>
          {list.isError ? <ErrorResult variant="inline" error={list.error} onRetry={() => void list.refetch()} />
            : !list.data ? <Skeleton active />
              : list.data.items.length ? (
                <div role="list" aria-label={t('prop.list')} className="mc-qms-row-list" data-testid="proposals">
                  {list.data.items.map((p) => <ProposalRow key={p.sourceKey} p={p} onAccept={() => setAccepting(p)} onDismiss={() => setDismissing(p)} />)}
                </div>
              ) : <EmptyText>{t('prop.empty')}</EmptyText>}
        </div>
      </Section>
      {accepting ? <AcceptDialog qmsId={qmsId} p={accepting} onClose={() => setAccepting(null)} reload={() => list.refetch()} /> : null}
      {dismissing ? <DismissDialog qmsId={qmsId} p={dismissing} onClose={() => setDismissing(null)} reload={() => list.refetch()} /> : null}
    </>
  );
}

function ProposalRow({ p, onAccept, onDismiss }: { p: Proposal; onAccept: () => void; onDismiss: () => void }) {
  const t = useQualityT();
  const sourceLabel = useSourceLabel();
  const e = p.evidence;
  return (
    <div role="listitem" className="mc-qms-row" data-source-key={p.sourceKey}>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 4 }}>
        <Tag color="orange" className="mc-qms-tag">{sourceLabel(p.source)}</Tag>
        <Typography.Text strong className="mc-code">{p.procedureCode}</Typography.Text>
        {e.procedureName ? <Muted>{e.procedureName}</Muted> : null}
      </Flex>
      <p className="mc-qms-text" style={{ marginBottom: 8 }}>{p.title}</p>
      <dl className="mc-qms-figures">
        <div className="mc-qms-figure"><dt>{sourceLabel(p.source)}</dt><dd>{formatNumber(e.count)}</dd></div>
        <div className="mc-qms-figure"><dt>{t('ncp.ev.dossiers')}</dt><dd>{formatNumber(e.total)}</dd></div>
        {e.percent !== null ? <div className="mc-qms-figure"><dt>{t('prop.share')}</dt><dd>{`${String(e.percent).replace('.', ',')}%`}</dd></div> : null}
      </dl>
      <div style={{ marginTop: 8 }}>
        <Muted>{t('ncp.ev.codes')}</Muted>
        <DossierCodes codes={e.dossierCodes} total={e.dossierCodesTotal} />
      </div>
      <Flex gap={8} wrap style={{ marginTop: 10 }}>
        <Button type="primary" onClick={onAccept} aria-label={t('prop.acceptOf', { title: p.title })}>{t('prop.accept')}</Button>
        <Button onClick={onDismiss} aria-label={t('prop.dismissOf', { title: p.title })}>{t('prop.dismiss')}</Button>
      </Flex>
    </div>
  );
}

type DialogProps = { qmsId: number; p: Proposal; onClose: () => void; reload: () => unknown };

/** Opens the proposal as a nonconformity owned by the chosen unit (the server recomputes it; the evidence sent is never trusted). */
function AcceptDialog({ qmsId, p, onClose, reload }: DialogProps) {
  const t = useQualityT();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ ownerUnitId: number }>();
  const accept = useAcceptProposal(qmsId);
  return (
    <AuditModal<{ ownerUnitId: number }> title={t('prop.acceptTitle')} okText={t('prop.accept')} form={form} onClose={onClose} reload={reload}
      send={async (v) => {
        const nc = await accept.mutateAsync({ sourceKey: p.sourceKey, ownerUnitId: v.ownerUnitId });
        navigate(nonconformityPath(nc.id));
      }}>
      <Typography.Paragraph className="mc-qms-text">{p.title}</Typography.Paragraph>
      <Form.Item name="ownerUnitId" label={t('finding.owner')} rules={[{ required: true, message: t('a.required') }]}>
        <OwnerUnitSelect qmsId={qmsId} aria-label={t('finding.owner')} />
      </Form.Item>
    </AuditModal>
  );
}

function DismissDialog({ qmsId, p, onClose, reload }: DialogProps) {
  const t = useQualityT();
  const [form] = Form.useForm<{ reason: string }>();
  const dismiss = useDismissProposal(qmsId);
  return (
    <AuditModal<{ reason: string }> title={t('prop.dismissTitle')} okText={t('prop.dismiss')} form={form} onClose={onClose} reload={reload}
      send={(v) => dismiss.mutateAsync({ sourceKey: p.sourceKey, reason: v.reason.trim() })}>
      <Typography.Paragraph className="mc-qms-text">{p.title}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('prop.dismissHint')}</Typography.Paragraph>
      <Form.Item name="reason" label={t('prop.reason')} rules={[{ required: true, whitespace: true, min: 3, message: t('a.min3') }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </AuditModal>
  );
}
