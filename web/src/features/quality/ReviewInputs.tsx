import { Flex, Grid, List, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { formatDate } from '../../shared/format';
import { AuditStatusTag, MetTag, Muted, useSourceLabel } from './audit-ui';
import { useQualityT } from './i18n';
import { auditPath } from './paths';
import { EmptyText, Section } from './qms-ui';
import type { Objective } from './types';
import { NC_SOURCES, NC_STATUSES, type ReviewInputs as Inputs } from './types-audit';

/**
 * The inputs of a management review (TCVN ISO 9001:2015 §9.3.2): the quality objectives with their
 * measured values, the internal audits of the year and the nonconformities by status and source. Live
 * while the review is a draft; frozen when it is held.
 */
export function ReviewInputs({ inputs }: { inputs: Inputs }) {
  const t = useQualityT();
  return (
    <Section title={t('rev.inputs')} testId="review-inputs">
      <Muted>{inputs.frozen ? t('rev.inputs.frozen', { asOf: formatDate(inputs.asOf) }) : t('rev.inputs.live', { asOf: formatDate(inputs.asOf) })}</Muted>
      <Typography.Title level={3} className="mc-qms-h3">{t('rev.objectives', { year: inputs.year })}</Typography.Title>
      <Objectives items={inputs.objectives} />
      <Typography.Title level={3} className="mc-qms-h3">{t('rev.audits')}</Typography.Title>
      {inputs.audits.length ? (
        <List size="small" dataSource={inputs.audits} data-testid="review-audits" renderItem={(a) => (
          <List.Item>
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Link to={auditPath(a.id)}>{a.title}</Link>
              <Flex gap={8} wrap align="center">
                <AuditStatusTag status={a.status} />
                {a.reportedOn ? <Muted>{t('audit.reportedOn', { date: formatDate(a.reportedOn) })}</Muted> : null}
                <Muted>{t('rev.audit.line', { nc: a.nonconformities, obs: a.observations })}</Muted>
              </Flex>
            </Flex>
          </List.Item>
        )} />
      ) : <EmptyText>{t('rev.audits.empty')}</EmptyText>}
      <Typography.Title level={3} className="mc-qms-h3">{t('rev.ncs')}</Typography.Title>
      <NcCounts inputs={inputs} />
    </Section>
  );
}

function Objectives({ items }: { items: Objective[] }) {
  const t = useQualityT();
  const wide = Grid.useBreakpoint().md ?? true;
  const measured = (o: Objective) => (
    <Flex vertical gap={0}>
      <span data-testid="objective-value">{o.reading.display}</span>
      {o.reading.denominator ? <Muted>{`${o.reading.numerator ?? 0}/${o.reading.denominator}`}</Muted> : null}
      {o.reading.partial ? <Muted>{t('rev.partial', { date: formatDate(o.reading.period.to) })}</Muted> : null}
    </Flex>
  );
  if (!items.length) return <EmptyText>{t('rev.objectives.empty')}</EmptyText>;
  if (!wide) {
    return (
      <div role="list" aria-label={t('rev.objectives.table')} className="mc-qms-row-list">
        {items.map((o) => (
          <div role="listitem" key={o.id} className="mc-qms-row" data-objective={o.code}>
            <Typography.Text strong>{o.code}</Typography.Text> <span className="mc-qms-text">{o.text}</span>
            <dl className="mc-qms-pairs">
              <dt>{t('rev.col.target')}</dt><dd>{o.target}</dd>
              <dt>{t('rev.col.measured')}</dt><dd>{measured(o)}</dd>
              <dt>{t('rev.col.met')}</dt><dd><MetTag met={o.reading.met} /></dd>
            </dl>
          </div>
        ))}
      </div>
    );
  }
  const columns: ColumnsType<Objective> = [
    { title: t('rev.col.objective'), key: 'text', render: (_, o) => <div><Typography.Text strong>{o.code}</Typography.Text> <span className="mc-qms-text">{o.text}</span><div><Muted>{o.measureLabel}</Muted></div></div> },
    { title: t('rev.col.target'), dataIndex: 'target', width: 110 },
    { title: t('rev.col.measured'), key: 'measured', width: 150, render: (_, o) => measured(o) },
    { title: t('rev.col.met'), key: 'met', width: 140, render: (_, o) => <MetTag met={o.reading.met} /> },
  ];
  return <Table<Objective> aria-label={t('rev.objectives.table')} rowKey="id" size="small" columns={columns} dataSource={items} pagination={false} data-testid="review-objectives" />;
}

function NcCounts({ inputs }: { inputs: Inputs }) {
  const t = useQualityT();
  const sourceLabel = useSourceLabel();
  const n = inputs.nonconformities;
  const byStatus = NC_STATUSES.filter((s) => n.byStatus[s]);
  const bySource = NC_SOURCES.filter((s) => n.bySource[s]);
  return (
    <Flex vertical gap={12} data-testid="review-ncs">
      <dl className="mc-qms-figures">
        <div className="mc-qms-figure"><dt>{t('rev.ncs.open')}</dt><dd>{n.open}</dd></div>
        <div className="mc-qms-figure"><dt>{t('rev.ncs.closed')}</dt><dd>{n.closedInYear}</dd></div>
        {inputs.proposalsOpen !== undefined ? <div className="mc-qms-figure"><dt>{t('rev.ncs.proposals')}</dt><dd>{inputs.proposalsOpen}</dd></div> : null}
      </dl>
      {byStatus.length ? (
        <div>
          <Muted>{t('rev.ncs.byStatus')}</Muted>
          <ul className="mc-qms-counts-list">{byStatus.map((s) => <li key={s}>{t(`nc.status.${s}`)}: <strong>{n.byStatus[s]}</strong></li>)}</ul>
        </div>
      ) : null}
      {bySource.length ? (
        <div>
          <Muted>{t('rev.ncs.bySource')}</Muted>
          <ul className="mc-qms-counts-list">{bySource.map((s) => <li key={s}>{sourceLabel(s)}: <strong>{n.bySource[s]}</strong></li>)}</ul>
        </div>
      ) : null}
    </Flex>
  );
}
