import { Alert, Card, Col, Empty, Input, Pagination, Row, Select, Skeleton, Tag, Typography } from 'antd';
import { ClockCircleOutlined, BankOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { useT } from '../../../shared/i18n';
import { usePageTitle } from '../../../shared/pageTitle';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { normalizeForSearch } from '../../../../../src/modules/catalog/rules/search';
import { type Level, type OnlineMode, type ProcedureListItem, useAgencies, useFields, useProcedureList } from '../api';
import { useCatalogT } from '../i18n';
import { LEVELS, ONLINE_COLORS, ONLINE_MODES, useCatalogLabels } from '../labels';
import '../catalog.css';

const PAGE_SIZE = 20;

export function ProcedureCard({ item }: { item: ProcedureListItem }) {
  const l = useCatalogLabels();
  return (
    <Card size="small" className="mc-cat-result">
      <Link to={`/thu-tuc/${encodeURIComponent(item.code)}`} className="mc-cat-result-name">{item.name}</Link>
      <div className="mc-cat-result-tags">
        <Tag color={ONLINE_COLORS[item.onlineMode]}>{l.online(item.onlineMode)}</Tag>
        {item.levels.map((lv) => <Tag key={lv}>{l.level(lv)}</Tag>)}
        <Typography.Text type="secondary">{item.code} · {item.field.name}</Typography.Text>
      </div>
      <div className="mc-cat-result-meta">
        <span><BankOutlined /> {item.agency}</span>
        <span>
          <ClockCircleOutlined />{' '}
          {item.processingTimes.map((p) => `${l.channel(p.channel)}: ${l.time({ amount: p.amount, unit: p.unit })}`).join(' · ')}
        </span>
      </div>
    </Card>
  );
}

/** /thu-tuc — search the procedures in force; every filter lives in the URL so results can be shared. */
export default function ProcedureSearchPage() {
  const t = useCatalogT();
  const ts = useT();
  const l = useCatalogLabels();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const field = params.get('field') ?? undefined;
  const agency = params.get('agency') ?? undefined;
  const level = (params.get('level') ?? undefined) as Level | undefined;
  const online = (params.get('online') ?? undefined) as OnlineMode | undefined;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const list = useProcedureList({ q: q || undefined, field, agency, level, online, page, pageSize: PAGE_SIZE });
  const fields = useFields({ level, online });
  const agencies = useAgencies();
  const fold = (input: string, option?: { label?: unknown }) => normalizeForSearch(String(option?.label ?? '')).includes(normalizeForSearch(input));

  usePageTitle(q ? `${q} — ${t('search.title')}` : t('search.title'));

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  return (
    <div className="mc-container mc-cat-page">
      <Typography.Title level={1} className="mc-cat-h1">{t('search.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('search.subtitle')}</Typography.Paragraph>
      <Input.Search
        key={q}
        size="large"
        defaultValue={q}
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        enterButton={ts('action.search')}
        allowClear
        onSearch={(value) => update({ q: value.trim() || undefined })}
        className="mc-cat-search"
      />
      <Row gutter={[12, 12]} className="mc-cat-filters">
        <Col xs={24} md={8}>
          <Select
            allowClear
            showSearch={{ filterOption: fold }}
            value={field}
            placeholder={t('search.allFields')}
            aria-label={t('search.field')}
            style={{ width: '100%' }}
            options={(fields.data ?? []).map((f) => ({ value: f.code, label: `${f.name} (${f.count})` }))}
            onChange={(v?: string) => update({ field: v })}
          />
        </Col>
        <Col xs={24} md={8}>
          <Select
            allowClear
            showSearch={{ filterOption: fold }}
            value={agency}
            placeholder={t('search.allAgencies')}
            aria-label={t('search.agency')}
            style={{ width: '100%' }}
            options={(agencies.data ?? []).map((a) => ({ value: a.code ?? a.name, label: `${a.name} (${a.count})` }))}
            onChange={(v?: string) => update({ agency: v })}
          />
        </Col>
        <Col xs={12} md={4}>
          <Select allowClear value={level} placeholder={t('search.allLevels')} aria-label={t('search.level')} style={{ width: '100%' }}
            options={LEVELS.map((v) => ({ value: v, label: l.level(v) }))} onChange={(v?: string) => update({ level: v })} />
        </Col>
        <Col xs={12} md={4}>
          <Select allowClear value={online} placeholder={t('search.allOnline')} aria-label={t('search.online')} style={{ width: '100%' }}
            options={ONLINE_MODES.map((v) => ({ value: v, label: l.online(v) }))} onChange={(v?: string) => update({ online: v })} />
        </Col>
      </Row>
      {list.isError ? (
        <ErrorResult variant="inline" error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Skeleton active />
      ) : (
        <div aria-live="polite">
          <Typography.Paragraph strong className="mc-cat-count">
            {q ? t('search.results', { n: list.data.total, q }) : t('search.count', { n: list.data.total })}
          </Typography.Paragraph>
          {list.data.fuzzy && list.data.total > 0 ? <Alert type="warning" showIcon title={list.data.corrected ? t('search.corrected', { q, corrected: list.data.corrected }) : t('search.fuzzy', { q })} style={{ marginBottom: 12 }} /> : null}
          {list.data.total === 0 ? <Empty description={t('search.none')} /> : null}
          <div className="mc-cat-results">
            {list.data.items.map((item) => <ProcedureCard key={item.code} item={item} />)}
          </div>
          {list.data.total > PAGE_SIZE ? (
            <Pagination className="mc-cat-pager" current={page} pageSize={PAGE_SIZE} total={list.data.total} showSizeChanger={false}
              onChange={(p) => update({ page: String(p) })} />
          ) : null}
        </div>
      )}
    </div>
  );
}
