import { Card, Result, Skeleton } from 'antd';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useMyRecord } from '../api-people';
import { usePeopleT } from '../i18n';
import { PersonView } from '../people/PersonPage';
import { MyEvaluation } from './MyEvaluation';
import '../personnel.css';

/**
 * `/can-bo/ho-so-cua-toi`: my own civil-servant record (GET /me) — read it, propose a change with a
 * reason, follow or withdraw my proposals, see who viewed it, and assess my own year.
 */
export default function MyRecordPage() {
  const t = usePeopleT();
  const me = useMyRecord();
  if (me.isError) return <ErrorResult error={me.error} onRetry={() => void me.refetch()} />;
  if (me.data === undefined) return <Card size="small"><Skeleton active /></Card>;
  if (me.data === null) {
    return (
      <>
        <PageHeader title={t('me.title')} />
        <Result status="info" title={t('me.none')} subTitle={t('me.noneHint')} />
      </>
    );
  }
  return <PersonView detail={me.data} reason={null} reload={() => me.refetch()}
    mine={[{ key: 'evaluation', label: t('tab.myEvaluation'), children: <MyEvaluation personId={me.data.person.id} /> }]} />;
}
