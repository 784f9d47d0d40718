import { Button, Card, Flex, Select } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { AgencyFilter, useAgencyParam } from '../AgencyFilter';
import { useAgencies } from '../api';
import { DocumentList, SearchAndYear, isStatus, useListParams } from '../DocumentList';
import { useRegistryT } from '../i18n';
import { DRAFT_PATH } from '../paths';
import { RegistryNav } from '../RegistryNav';
import { OUT_STATUSES } from '../types';

/** `/can-bo/van-thu/van-ban-di`: outgoing documents from draft to release, newest first. */
export default function OutgoingListPage() {
  const t = useRegistryT();
  const { status, year, q, update } = useListParams();
  const unitId = useAgencyParam();
  const agencies = useAgencies();
  const mayDraft = (agencies.data ?? []).some((a) => a.may.draft);
  const filter = { direction: 'out' as const, status: isStatus(status, OUT_STATUSES) ? status : undefined, year, q: q || undefined, unitId };
  return (
    <>
      <RegistryNav />
      <PageHeader title={t('out.title')} subtitle={t('out.subtitle')}
        extra={mayDraft ? <Link to={DRAFT_PATH}><Button type="primary" icon={<EditOutlined aria-hidden />}>{t('out.draft')}</Button></Link> : null} />
      <Card size="small">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <SearchAndYear q={q} year={year} update={update} />
          <Select aria-label={t('list.status')} value={filter.status ?? ''} style={{ width: 200 }} onChange={(v: string) => update({ status: v || undefined })}
            options={[{ value: '', label: t('list.allStatuses') }, ...OUT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]} />
          <AgencyFilter value={unitId} update={update} />
        </Flex>
        <DocumentList kind="out" filter={filter} label={t('out.table')} emptyText={q ? t('list.emptySearch', { q }) : t('out.empty')} />
      </Card>
    </>
  );
}
