import { Button, Card, Col, Descriptions, Flex, Row, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { ADMIN_SURFACE_ROLES, CHANGE_PASSWORD_PATH, type Role, hasAnyRole, useAuth } from '../../shared/auth';
import { useT } from '../../shared/i18n';
import { PageHeader } from '../../shared/ui/PageHeader';
import type { CountedQueue } from '../dossiers/api';
import { DossierQueueSummary } from '../dossiers/workspace/QueueSummary';
import { useWorkspaceT } from './messages';
import { QueuePreview } from './QueuePreview';

/** Roles that move dossiers on; anyone else who reaches the workspace oversees them (the auditor). */
const WORKING_ROLES: readonly Role[] = ['desk_officer', 'specialist', 'unit_head', 'admin'];
/** What an overseer reads at a glance: all open work, what is late, what waits for the applicant, what is done. */
const OVERSIGHT_QUEUES: readonly CountedQueue[] = ['all_open', 'overdue', 'supplement', 'done'];

/**
 * The workspace's first page. A unit head sees the sizes of the unit's queues and the dossiers
 * waiting to be assigned; the auditor, the dossiers of the whole area in their oversight.
 */
export default function OverviewPage() {
  const t = useWorkspaceT();
  const ts = useT();
  const { user } = useAuth();
  if (!user) return null;
  const oversight = !hasAnyRole(user, WORKING_ROLES);
  const head = hasAnyRole(user, ['unit_head']);
  const scope = [...new Set(user.roles.map((g) => g.unitName))].join(', ');
  return (
    <>
      <PageHeader title={t('overview.greeting', { name: user.fullName })} subtitle={oversight ? t('overview.scope', { units: scope }) : user.unit?.name} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <Card title={t(oversight ? 'overview.oversight' : head ? 'overview.unitWork' : 'overview.dossiers')} data-testid="overview-queues">
              <DossierQueueSummary {...(oversight ? { queues: OVERSIGHT_QUEUES } : {})} />
            </Card>
            {head ? (
              <Card title={t('overview.toAssign')} data-testid="overview-to-assign">
                <QueuePreview queue="unassigned" empty={t('overview.toAssignEmpty')} />
              </Card>
            ) : null}
          </Flex>
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
                  <Button>{ts('surface.admin')}</Button>
                </Link>
              ) : null}
            </Flex>
          </Card>
        </Col>
      </Row>
    </>
  );
}
