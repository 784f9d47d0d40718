import { Button, Card, Col, Descriptions, Flex, Row, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { ADMIN_SURFACE_ROLES, CHANGE_PASSWORD_PATH, hasAnyRole, useAuth } from '../../shared/auth';
import { useT } from '../../shared/i18n';
import { PageHeader } from '../../shared/ui/PageHeader';
import { DossierQueueSummary } from '../dossiers/workspace/QueueSummary';
import { useWorkspaceT } from './messages';

export default function OverviewPage() {
  const t = useWorkspaceT();
  const ts = useT();
  const { user } = useAuth();
  if (!user) return null;
  return (
    <>
      <PageHeader title={t('overview.greeting', { name: user.fullName })} subtitle={user.unit?.name} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('overview.dossiers')} style={{ height: '100%' }}>
            <DossierQueueSummary />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('overview.account')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('overview.username')}>{user.username}</Descriptions.Item>
              <Descriptions.Item label={t('overview.unit')}>{user.unit?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('overview.roles')}>
                {user.roles.length === 0 ? (
                  t('overview.noRoles')
                ) : (
                  <Flex vertical gap={4}>
                    {user.roles.map((grant) => (
                      <span key={`${grant.role}-${grant.unitId}`}>
                        <Tag color="red">{ts(`role.${grant.role}`)}</Tag>
                        {t('overview.at', { unit: grant.unitName })}
                      </span>
                    ))}
                  </Flex>
                )}
              </Descriptions.Item>
            </Descriptions>
            <Flex gap={8} wrap style={{ marginTop: 12 }}>
              <Link to={CHANGE_PASSWORD_PATH}>
                <Button>{ts('user.changePassword')}</Button>
              </Link>
              {hasAnyRole(user, ADMIN_SURFACE_ROLES) ? (
                <Link to="/quan-tri">
                  <Button type="primary">{ts('surface.admin')}</Button>
                </Link>
              ) : null}
            </Flex>
          </Card>
        </Col>
      </Row>
    </>
  );
}
