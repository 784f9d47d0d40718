import { Card, Col, Input, Row } from 'antd';
import { FileSearchOutlined, SearchOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import { usePortalT } from './messages';

/** The two boxes citizens come for: find a procedure, look up a dossier. */
export function HeroSearch() {
  const t = usePortalT();
  const ts = useT();
  const navigate = useNavigate();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={14}>
        <Card size="small" title={<><SearchOutlined /> {t('search.label')}</>}>
          <Input.Search
            size="large"
            aria-label={t('search.label')}
            placeholder={t('search.placeholder')}
            enterButton={ts('action.search')}
            allowClear
            onSearch={(q) => navigate(`/thu-tuc${q.trim() ? `?q=${encodeURIComponent(q.trim())}` : ''}`)}
          />
        </Card>
      </Col>
      <Col xs={24} md={10}>
        <Card size="small" title={<><FileSearchOutlined /> {t('lookup.label')}</>}>
          <Input.Search
            size="large"
            aria-label={t('lookup.label')}
            placeholder={t('lookup.placeholder')}
            enterButton={t('lookup.button')}
            onSearch={(code) => navigate(`/tra-cuu${code.trim() ? `?ma=${encodeURIComponent(code.trim())}` : ''}`)}
          />
        </Card>
      </Col>
    </Row>
  );
}
