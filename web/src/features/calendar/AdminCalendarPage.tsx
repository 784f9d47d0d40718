import { ComingSoon } from '../../shared/ui/StatusPages';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useCalendarT } from './messages';

/** Placeholder until the calendar module's admin UI (holidays, swapped days) lands. */
export default function AdminCalendarPage() {
  const t = useCalendarT();
  return (
    <>
      <PageHeader title={t('admin.title')} />
      <ComingSoon />
    </>
  );
}
