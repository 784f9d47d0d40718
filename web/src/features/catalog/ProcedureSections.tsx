import { Card, Collapse, Grid, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { formatDate, formatMoney } from '../../shared/format';
import type { Fee, InternalProcess, ProcedureContent, RequiredDocument } from '../../../../src/modules/catalog/schema';
import { formUrl } from './api';
import { useCatalogT } from './i18n';
import { useCatalogLabels } from './labels';

interface Props {
  content: ProcedureContent;
  /** Form files on record; a document naming another file shows its name without a link. */
  forms?: readonly string[];
  /** Unit names by e-ID, for internal-process steps that name a fixed unit. */
  unitName?: (code: string) => string | undefined;
}

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card id={id} className="mc-cat-section" title={<Typography.Title level={2} className="mc-cat-section-title">{title}</Typography.Title>} size="small">
      {children}
    </Card>
  );
}

function Documents({ code, docs, forms }: { code: string; docs: readonly RequiredDocument[]; forms: readonly string[] }) {
  const t = useCatalogT();
  const l = useCatalogLabels();
  if (docs.length === 0) return <Typography.Text type="secondary">{t('detail.noDocuments')}</Typography.Text>;
  return (
    <ol className="mc-cat-docs">
      {docs.map((d) => (
        <li key={d.name}>
          <div className="mc-cat-doc-name">
            {d.name}
            {d.optional ? <Typography.Text type="secondary"> ({t('detail.optional')})</Typography.Text> : null}
          </div>
          <div className="mc-cat-doc-meta">
            <span>{l.copies(d)}{d.presentOnly ? ` — ${t('detail.presentOnly')}` : ''}</span>
            {d.formTemplate ? (
              forms.includes(d.formTemplate) ? (
                <a href={formUrl(code, d.formTemplate)} download><DownloadOutlined /> {t('detail.form')} ({d.formTemplate})</a>
              ) : (
                <Typography.Text type="secondary">{t('detail.formMissing', { file: d.formTemplate })}</Typography.Text>
              )
            ) : null}
          </div>
          {d.reusableFromNationalDb ? <Tag color="cyan" className="mc-cat-tag-wrap">{t('detail.reusable')}</Tag> : null}
          {d.note ? <Typography.Paragraph type="secondary" className="mc-cat-note">{d.note}</Typography.Paragraph> : null}
        </li>
      ))}
    </ol>
  );
}

function Fees({ fees }: { fees: readonly Fee[] }) {
  const t = useCatalogT();
  const l = useCatalogLabels();
  if (fees.length === 0) return <Typography.Text>{t('detail.noFees')}</Typography.Text>;
  return (
    <ul className="mc-cat-fees">
      {fees.map((f) => (
        <li key={f.name}>
          <div>
            <Tag>{t(f.kind === 'fee' ? 'detail.fee' : 'detail.charge')}</Tag> {f.name}
            {f.channels?.length ? <Typography.Text type="secondary"> — {t('detail.onlyChannels', { channels: f.channels.map(l.channel).join(', ') })}</Typography.Text> : null}
          </div>
          <div className="mc-cat-fee-amount">
            {f.amount !== undefined ? <strong>{formatMoney(f.amount, { words: true })}</strong> : null}
            {f.per ? ` / ${f.per}` : ''}
            {f.formula ? <div className="mc-cat-note">{f.formula}</div> : null}
          </div>
          {f.exemptions.length ? <div className="mc-cat-note">{t('detail.exemptions')}: {f.exemptions.join('; ')}</div> : null}
        </li>
      ))}
    </ul>
  );
}

function Process({ process, unitName }: { process: InternalProcess; unitName?: Props['unitName'] }) {
  const t = useCatalogT();
  const l = useCatalogLabels();
  // A four-column table does not fit a phone: there the steps are stacked, each with its own labels.
  const phone = Grid.useBreakpoint().sm === false;
  const hours = process.steps.reduce((sum, s) => sum + (s.budget.unit === 'working_days' ? s.budget.amount * 8 : s.budget.amount), 0);
  const who = (s: InternalProcess['steps'][number]) => (s.responsible.unitCode && unitName?.(s.responsible.unitCode)) || l.where(s.responsible);
  if (phone) {
    return (
      <>
        <ol className="mc-cat-steps mc-cat-process-steps">
          {process.steps.map((s) => (
            <li key={s.order}>
              <div className="mc-cat-step-title">{s.name}{s.interAgency ? <Tag color="purple" style={{ marginLeft: 6 }}>{t('detail.interAgency')}</Tag> : null}</div>
              <div className="mc-cat-note">{s.action}</div>
              <dl className="mc-cat-step-meta">
                <dt>{t('detail.responsible')}</dt><dd>{who(s)} · {l.role(s.responsible.role)}</dd>
                <dt>{t('detail.budget')}</dt><dd>{l.budget(s.budget)}</dd>
              </dl>
            </li>
          ))}
        </ol>
        <strong>{t('detail.total', { hours })}</strong>
      </>
    );
  }
  return (
    <Table
      size="small"
      rowKey="order"
      pagination={false}
      scroll={{ x: 640 }}
      dataSource={process.steps}
      columns={[
        { title: t('detail.step'), dataIndex: 'order', width: 56, align: 'center' },
        { title: t('detail.task'), key: 'task', render: (_, s) => <>{s.name}{s.interAgency ? <Tag color="purple" style={{ marginLeft: 6 }}>{t('detail.interAgency')}</Tag> : null}<div className="mc-cat-note">{s.action}</div></> },
        { title: t('detail.responsible'), key: 'who', width: 220, render: (_, s) => <>{who(s)}<div className="mc-cat-note">{l.role(s.responsible.role)}</div></> },
        { title: t('detail.budget'), key: 'budget', width: 130, render: (_, s) => l.budget(s.budget) },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={4} align="right"><strong>{t('detail.total', { hours })}</strong></Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

/** Everything a procedure says, section by section, as the public page and the admin version view show it. */
export function ProcedureSections({ content: p, forms = [], unitName }: Props) {
  const t = useCatalogT();
  const l = useCatalogLabels();
  return (
    <div className="mc-cat-sections">
      <Section id="trinh-tu" title={t('detail.steps')}>
        <ol className="mc-cat-steps">
          {p.steps.map((s) => (
            <li key={s.order}>
              <div className="mc-cat-step-title">{s.title}</div>
              <Typography.Paragraph className="mc-cat-step-what">{s.what}</Typography.Paragraph>
              <dl className="mc-cat-step-meta">
                <dt>{t('detail.where')}</dt><dd>{s.where}</dd>
                <dt>{t('detail.who')}</dt><dd>{s.who}</dd>
                {s.duration ? <><dt>{t('detail.duration')}</dt><dd>{s.duration}</dd></> : null}
                {s.cost ? <><dt>{t('detail.cost')}</dt><dd>{s.cost}</dd></> : null}
                {s.recourse ? <><dt>{t('detail.recourse')}</dt><dd>{s.recourse}</dd></> : null}
              </dl>
            </li>
          ))}
        </ol>
      </Section>
      <Section id="cach-thuc" title={t('detail.channels')}>
        <ul className="mc-cat-channels">
          {p.channels.map((c) => (
            <li key={c.kind}><strong>{l.channel(c.kind)}:</strong> {l.time(c.time)}{c.note ? <div className="mc-cat-note">{c.note}</div> : null}</li>
          ))}
        </ul>
      </Section>
      <Section id="ho-so" title={t('detail.documents')}>
        <Documents code={p.code} docs={p.documents} forms={forms} />
      </Section>
      {p.cases.length ? (
        <Section id="truong-hop" title={t('detail.cases')}>
          <Collapse
            items={p.cases.map((c) => ({
              key: c.code,
              label: c.name,
              children: (
                <>
                  {c.description ? <Typography.Paragraph>{c.description}</Typography.Paragraph> : null}
                  {c.channels?.length ? <Typography.Paragraph><strong>{t('detail.caseTime')}:</strong> {c.channels.map((ch) => `${l.channel(ch.kind)} ${l.time(ch.time)}`).join('; ')}</Typography.Paragraph> : null}
                  {c.requirements?.length ? <ul>{c.requirements.map((r) => <li key={r}>{r}</li>)}</ul> : null}
                  {c.documents ? <><Typography.Text strong>{t('detail.caseDocuments')}</Typography.Text><Documents code={p.code} docs={c.documents} forms={forms} /></> : null}
                  {c.fees ? <><Typography.Text strong>{t('detail.caseFees')}</Typography.Text><Fees fees={c.fees} /></> : null}
                  {(c.internalProcesses ?? []).map((proc, i) => (
                    <div key={i} className="mc-cat-process">
                      <Typography.Text strong>{proc.channels ? t('detail.processFor', { channels: proc.channels.map(l.channel).join(', ') }) : t('detail.process')}</Typography.Text>
                      <Process process={proc} unitName={unitName} />
                    </div>
                  ))}
                </>
              ),
            }))}
          />
        </Section>
      ) : null}
      <Section id="phi" title={t('detail.fees')}><Fees fees={p.fees} /></Section>
      {p.requirements.length ? (
        <Section id="dieu-kien" title={t('detail.requirements')}><ul>{p.requirements.map((r) => <li key={r}>{r}</li>)}</ul></Section>
      ) : null}
      <Section id="ket-qua" title={t('detail.results')}><ul>{p.results.map((r) => <li key={r.name}>{r.name}</li>)}</ul></Section>
      <Section id="can-cu" title={t('detail.legal')}>
        <ul>
          {p.legalBasis.map((d) => (
            <li key={d.number}>
              {t('detail.legalItem', { title: d.title, number: d.number, date: formatDate(d.date), issuer: d.issuer })}
              {d.articles?.length ? <span className="mc-cat-note"> ({d.articles.join(', ')})</span> : null}
            </li>
          ))}
        </ul>
      </Section>
      <Section id="quy-trinh" title={t('detail.process')}>
        {p.internalProcesses.map((proc, i) => (
          <div key={i} className="mc-cat-process">
            {p.internalProcesses.length > 1 || proc.channels ? (
              <Typography.Text strong>{proc.channels ? t('detail.processFor', { channels: proc.channels.map(l.channel).join(', ') }) : t('detail.process')}</Typography.Text>
            ) : null}
            <Process process={proc} unitName={unitName} />
          </div>
        ))}
      </Section>
    </div>
  );
}
