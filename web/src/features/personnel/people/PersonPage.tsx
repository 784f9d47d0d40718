import { useState } from 'react';
import { Alert, Button, Card, Flex, Result, Skeleton, Tabs, type TabsProps } from 'antd';
import { ArrowLeftOutlined, EditOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../../shared/api';
import { formatDate } from '../../../shared/format';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type PersonDetail, formUrl, needsViewReason, usePerson } from '../api-people';
import { usePeopleT } from '../i18n';
import { PERSONNEL_PATH, idParam } from '../paths';
import { PersonnelNav } from '../PersonnelNav';
import { ChangeDialog } from '../record/ChangeDialog';
import { ChangesList } from '../record/ChangesList';
import { RecordView } from '../record/RecordView';
import { EvaluationsTab } from './EvaluationsTab';
import { GrantsTab } from './GrantsTab';
import { HistoryTab } from './HistoryTab';
import { PersonStatusTag } from './PeoplePage';
import { ReasonDialog } from './ReasonDialog';
import { ViewsTab } from './ViewsTab';
import '../personnel.css';

/**
 * `/can-bo/nhan-su/:id`: one civil servant's record. A reader who is neither the person nor HR is asked
 * why first (the server answers 400 without a reason) and the view is logged; the reason is kept for the
 * visit so the tabs and the printed form do not ask again.
 */
export default function PersonPage() {
  const { id: raw } = useParams();
  const id = idParam(raw);
  const t = usePeopleT();
  if (id === null) return <Result status="404" title={t('person.notFound')} extra={<Link to={PERSONNEL_PATH}>{t('person.back')}</Link>} />;
  return <Person id={id} />;
}

function Person({ id }: { id: number }) {
  const t = usePeopleT();
  const navigate = useNavigate();
  const [reason, setReason] = useState<string | null>(null);
  const person = usePerson(id, reason);
  if (person.isError && needsViewReason(person.error, reason)) {
    return (
      <>
        <PageHeader title={t('person.title')} />
        <Card size="small"><Skeleton active /></Card>
        <ReasonDialog message={errorMessage(person.error)} onGive={setReason} onCancel={() => navigate(PERSONNEL_PATH)} />
      </>
    );
  }
  if (person.isError) return <ErrorResult error={person.error} onRetry={() => void person.refetch()} />;
  if (!person.data) return <Card size="small"><Skeleton active /></Card>;
  return <PersonView detail={person.data} reason={reason} reload={() => person.refetch()} />;
}

/** The record's page for HR and readers, and (`mine`, with its own evaluation tab) for the person. */
export function PersonView({ detail, reason, reload, mine }: { detail: PersonDetail; reason: string | null; reload: () => unknown; mine?: NonNullable<TabsProps['items']> }) {
  const t = usePeopleT();
  const [proposing, setProposing] = useState(false);
  const p = detail.person;
  const own = detail.standing === 'self';
  const canPropose = (own || detail.standing === 'hr') && p.status === 'serving';
  const pending = detail.changes.filter((c) => c.status === 'proposed').length;
  const tabs = [
    { key: 'record', label: t('tab.record'), children: <RecordView record={detail.record} /> },
    {
      key: 'changes', label: pending ? t('tab.changesN', { n: pending }) : t('tab.changes'),
      children: (
        <Flex vertical gap={12}>
          {canPropose ? <div><Button icon={<EditOutlined aria-hidden />} onClick={() => setProposing(true)}>{t('person.propose')}</Button></div> : null}
          <ChangesList changes={detail.changes} can={{ decide: detail.standing === 'hr', withdraw: own }} personName={p.fullName} />
        </Flex>
      ),
    },
    ...(mine ?? [
      { key: 'history', label: t('tab.history'), children: <HistoryTab detail={detail} reload={reload} /> },
      { key: 'grants', label: t('tab.grants'), children: <GrantsTab detail={detail} /> },
      { key: 'evaluations', label: t('tab.evaluations'), children: <EvaluationsTab personId={p.id} evaluations={detail.evaluations} /> },
    ]),
    ...(own || detail.standing === 'hr' ? [{ key: 'views', label: t('tab.views'), children: <ViewsTab personId={p.id} /> }] : []),
  ];
  const facts = [p.unitName, p.position, p.civilServantNo ? t('person.no', { no: p.civilServantNo }) : null, t('person.recruited', { date: formatDate(p.recruitedOn) })].filter(Boolean).join(' · ');
  return (
    <>
      <PageHeader
        title={<>{p.fullName} <PersonStatusTag status={p.status} /></>}
        subtitle={facts}
        extra={
          <>
            {mine ? null : <Link to={PERSONNEL_PATH}><Button icon={<ArrowLeftOutlined aria-hidden />}>{t('person.back')}</Button></Link>}
            <Button icon={<FilePdfOutlined aria-hidden />} href={formUrl(p.id, 'pdf', reason)} target="_blank" rel="noopener">{t('person.pdf')}</Button>
            <Button icon={<FileWordOutlined aria-hidden />} href={formUrl(p.id, 'docx', reason)} download>{t('person.docx')}</Button>
          </>
        }
      />
      {mine ? null : <PersonnelNav />}
      {detail.viewLogged ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('person.logged', { reason: reason ?? '' })} /> : null}
      {p.status === 'left' ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('person.left', { date: formatDate(p.leftOn) })} /> : null}
      <Tabs className="mc-hr-tabs" items={tabs} />
      {proposing ? <ChangeDialog personId={p.id} record={detail.record} onClose={() => setProposing(false)} /> : null}
    </>
  );
}
