import { Card, Checkbox, Flex } from 'antd';
import { PageHeader } from '../../shared/ui/PageHeader';
import { DocumentList, SearchAndYear, useListParams } from './DocumentList';
import { useRegistryT } from './i18n';
import { RegistryNav } from './RegistryNav';

/** `/can-bo/van-thu/viec-duoc-giao`: documents I draft, approve or handle (`mine=true`); overdue ones on demand. */
export default function MyWorkPage() {
  const t = useRegistryT();
  const { status, year, q, update } = useListParams();
  const overdue = status === 'overdue';
  return (
    <>
      <RegistryNav />
      <PageHeader title={t('mine.title')} subtitle={t('mine.subtitle')} />
      <Card size="small">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <SearchAndYear q={q} year={year} update={update} />
          <Checkbox checked={overdue} onChange={(e) => update({ status: e.target.checked ? 'overdue' : undefined })}>{t('in.filter.overdue')}</Checkbox>
        </Flex>
        <DocumentList kind="mine" filter={{ mine: true, overdue: overdue ? true : undefined, year, q: q || undefined }} label={t('mine.table')}
          emptyText={overdue ? t('mine.emptyOverdue') : t('mine.empty')} />
      </Card>
    </>
  );
}
