import { useState } from 'react';
import { Alert } from 'antd';
import type { Id } from '../../../shared/auth';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useUnits } from '../api';
import { useOrgT } from '../i18n';
import { StaffTable } from '../staff/StaffTable';
import { PrintButtons } from './PrintButtons';

export default function BadgesPage() {
  const t = useOrgT();
  const units = useUnits();
  const [selected, setSelected] = useState<Id[]>([]);
  return (
    <>
      <PageHeader title={t('badges.title')} extra={<PrintButtons staffIds={selected} />} />
      <Alert type="info" showIcon title={t('badges.hint')} style={{ marginBottom: 16 }} />
      <StaffTable
        units={units.data ?? []}
        selectedIds={selected}
        onSelectionChange={setSelected}
        selectionBar={<PrintButtons staffIds={selected} onClear={() => setSelected([])} />}
      />
    </>
  );
}
