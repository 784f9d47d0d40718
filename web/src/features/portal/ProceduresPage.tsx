import { Card, Empty, Input, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import { usePortalT } from './messages';

/** Placeholder until the catalog module serves procedures; keeps the search query in the URL. */
export default function ProceduresPage() {
  const t = usePortalT();
  const ts = useT();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  return (
    <div className="mc-container mc-section">
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        {t('procedures.title')}
      </Typography.Title>
      <Input.Search
        key={q}
        size="large"
        defaultValue={q}
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        enterButton={ts('action.search')}
        allowClear
        onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
        style={{ maxWidth: 720, marginBottom: 24 }}
      />
      <Card>
        {q ? <Typography.Title level={2} style={{ fontSize: 18 }}>{t('procedures.results', { q })}</Typography.Title> : null}
        <Empty description={t('procedures.soon')} />
      </Card>
    </div>
  );
}
