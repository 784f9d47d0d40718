import { Breadcrumb, Button, Descriptions, Flex, Grid, Result, Skeleton, Tag, Timeline, Typography } from 'antd';
import { HistoryOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { formatDate } from '../../../shared/format';
import { usePageTitle } from '../../../shared/pageTitle';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { isApiError } from '../../../shared/api';
import { postingSheetUrl, useProcedureInForce, useVersions } from '../api';
import { useCatalogT } from '../i18n';
import { ONLINE_COLORS, STATUS_COLORS, useCatalogLabels, windowState } from '../labels';
import '../catalog.css';
import { ProcedureSections } from '../ProcedureSections';

function History({ code }: { code: string }) {
  const t = useCatalogT();
  const l = useCatalogLabels();
  const versions = useVersions(code);
  if (!versions.data || versions.data.length < 2) return null;
  return (
    <section id="lich-su" className="mc-cat-history">
      <Typography.Title level={2} className="mc-cat-section-title"><HistoryOutlined /> {t('detail.history')}</Typography.Title>
      <Timeline
        items={[...versions.data].reverse().map((v) => ({
          color: windowState(v) === 'inForce' ? 'green' : 'gray',
          content: (
            <>
              <strong>{t('detail.version', { n: v.number })}</strong> <Tag color={STATUS_COLORS[v.status]}>{l.status(v.status)}</Tag>
              {windowState(v) ? <Tag color={windowState(v) === 'inForce' ? 'green' : 'blue'}>{t(`status.${windowState(v)!}`)}</Tag> : null}
              <div className="mc-cat-note">
                {v.decision ? `${t('detail.decision')} ${t('detail.decisionText', { number: v.decision.number, date: formatDate(v.decision.date) })}. ` : ''}
                {v.effectiveFrom ? `${formatDate(v.effectiveFrom)} – ${v.effectiveTo ? formatDate(v.effectiveTo) : '…'}` : ''}
              </div>
              {v.changeNote ? <div className="mc-cat-note">{v.changeNote}</div> : null}
            </>
          ),
        }))}
      />
    </section>
  );
}

/** /thu-tuc/:code — the procedure in force, everything a citizen needs before going to the desk. */
export default function ProcedurePage() {
  const { code = '' } = useParams();
  const t = useCatalogT();
  const l = useCatalogLabels();
  const query = useProcedureInForce(code);
  const p = query.data;
  // On a phone the labels sit above their values: beside them they wrap one word per line.
  const phone = Grid.useBreakpoint().sm === false;

  usePageTitle(p?.name);

  if (query.isPending) return <div className="mc-container mc-cat-page"><Skeleton active paragraph={{ rows: 10 }} /></div>;
  if (query.isError || !p) {
    if (isApiError(query.error) && query.error.status === 404) {
      return <Result status="404" title={t('detail.notFound')} extra={<Link to="/thu-tuc"><Button type="primary">{t('detail.back')}</Button></Link>} />;
    }
    return <div className="mc-container mc-cat-page"><ErrorResult error={query.error} onRetry={() => void query.refetch()} /></div>;
  }

  return (
    <div className="mc-container mc-cat-page mc-cat-detail">
      <Breadcrumb items={[{ title: <Link to="/thu-tuc">{t('detail.back')}</Link> }, { title: p.field.name }]} />
      <Typography.Title level={1} className="mc-cat-h1">{p.name}</Typography.Title>
      <Flex wrap gap={8} align="center" className="mc-cat-headline">
        <Tag color={ONLINE_COLORS[p.onlineMode]}>{l.online(p.onlineMode)}</Tag>
        {p.levels.map((lv) => <Tag key={lv}>{l.level(lv)}</Tag>)}
        {p.boundaryIndependent ? <Tag color="geekblue">{t('detail.boundary')}</Tag> : null}
        <span className="mc-grow" />
        {p.onlineMode !== 'none' ? (
          <Link to={`/cong-dan/nop-ho-so/${p.code}`}><Button type="primary">{t('detail.fileOnline')}</Button></Link>
        ) : null}
        <a href={postingSheetUrl(p.code)} target="_blank" rel="noopener noreferrer">
          <Button icon={<PrinterOutlined />}>{t('detail.print')}</Button>
        </a>
      </Flex>
      {p.description ? <Typography.Paragraph className="mc-cat-lead">{p.description}</Typography.Paragraph> : null}
      <Descriptions
        bordered
        size="small"
        layout={phone ? 'vertical' : 'horizontal'}
        column={{ xs: 1, sm: 1, md: 2 }}
        className="mc-cat-summary"
        items={[
          { key: 'code', label: t('detail.code'), children: p.code },
          { key: 'field', label: t('detail.field'), children: p.field.name },
          { key: 'agency', label: t('detail.agency'), children: p.implementingAgency.name },
          { key: 'applicants', label: t('detail.applicants'), children: p.applicants.map(l.applicant).join('; ') },
          ...(p.coordinatingAgencies.length ? [{ key: 'coord', label: t('detail.coordinating'), children: p.coordinatingAgencies.map((a) => a.name).join('; ') }] : []),
          { key: 'time', label: t('detail.time'), children: p.channels.map((c) => <div key={c.kind}>{l.channel(c.kind)}: {l.time(c.time)}</div>) },
          {
            key: 'decision', label: t('detail.decision'),
            children: p.version.decision ? (
              <>
                {t('detail.decisionText', { number: p.version.decision.number, date: formatDate(p.version.decision.date) })}
                {p.version.effectiveFrom ? <div className="mc-cat-note">{t('detail.effective', { date: formatDate(p.version.effectiveFrom) })} · {t('detail.version', { n: p.version.number })}</div> : null}
              </>
            ) : '—',
          },
        ]}
      />
      <nav className="mc-cat-toc" aria-label={t('detail.steps')}>
        {[['trinh-tu', 'detail.steps'], ['ho-so', 'detail.documents'], ['phi', 'detail.fees'], ['can-cu', 'detail.legal'], ['quy-trinh', 'detail.process']].map(([id, key]) => (
          <a key={id} href={`#${id}`}>{t(key as 'detail.steps')}</a>
        ))}
      </nav>
      <ProcedureSections content={p} forms={p.availableForms} />
      <History code={p.code} />
    </div>
  );
}
