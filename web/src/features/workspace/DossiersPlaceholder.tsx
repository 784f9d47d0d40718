import { ComingSoon } from '../../shared/ui/StatusPages';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useWorkspaceT } from './messages';

/** Replaced by the dossiers module's own page when it registers "ho-so". */
export default function DossiersPlaceholder() {
  const t = useWorkspaceT();
  return (
    <>
      <PageHeader title={t('dossiers.title')} />
      <ComingSoon />
    </>
  );
}
