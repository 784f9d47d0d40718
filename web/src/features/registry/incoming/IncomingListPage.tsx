import { Button, Card, Flex, Select } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { AgencyFilter, useAgencyParam } from '../AgencyFilter';
import { useAgencies } from '../api';
import { DocumentList, SearchAndYear, isStatus, useListParams } from '../DocumentList';
import { useRegistryT } from '../i18n';
import { REGISTER_INCOMING_PATH } from '../paths';
import { RegistryNav } from '../RegistryNav';
import { IN_STATUSES } from '../types';

/**
 * `/can-bo/van-thu/van-ban-den`: incoming documents by arrival. "Chờ vào sổ" are those the exchange
 * delivered and the records office has not registered yet; "Quá hạn" those past their deadline.
 */
export default function IncomingListPage() {
  const t = useRegistryT();
  const { status, year, q, update } = useListParams();
  const unitId = useAgencyParam();
  const agencies = useAgencies();
  const mayRegister = (agencies.data ?? []).some((a) => a.may.register);
  const overdue = status === 'overdue';
  const filter = { direction: 'in' as const, status: isStatus(status, IN_STATUSES) ? status : undefined, overdue: overdue ? true : undefined, year, q: q || undefined, unitId };
  return (
    <>
      <RegistryNav />
      <PageHeader title={t('in.title')} subtitle={t('in.subtitle')}
        extra={mayRegister ? <Link to={REGISTER_INCOMING_PATH}><Button type="primary" icon={<InboxOutlined aria-hidden />}>{t('in.register')}</Button></Link> : null} />
      <Card size="small">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <SearchAndYear q={q} year={year} update={update} />
          <Select aria-label={t('list.status')} value={overdue ? 'overdue' : filter.status ?? ''} style={{ width: 230 }} onChange={(v: string) => update({ status: v || undefined })}
            options={[
              { value: '', label: t('list.allStatuses') },
              { value: 'arrived', label: t('in.filter.arrived') },
              { value: 'overdue', label: t('in.filter.overdue') },
              ...IN_STATUSES.filter((s) => s !== 'arrived').map((s) => ({ value: s, label: t(`status.${s}`) })),
            ]} />
          <AgencyFilter value={unitId} update={update} />
        </Flex>
        <DocumentList kind="in" filter={filter} label={t('in.table')} emptyText={q ? t('list.emptySearch', { q }) : t('in.empty')} />
      </Card>
    </>
  );
}
