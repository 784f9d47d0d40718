import { useState } from 'react';
import { Button } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { type Id, ORG_EDITOR_ROLES, hasAnyRole, useAuth } from '../../../shared/auth';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useStaleVersionNotice } from '../../../shared/ui/staleVersion';
import { type StaffMember, useUnits } from '../api';
import { PrintButtons } from '../badges/PrintButtons';
import { useOrgT } from '../i18n';
import { ImportDialog } from '../importing/ImportDialog';
import { StaffDrawer } from './StaffDrawer';
import { StaffTable } from './StaffTable';
import { useStaffFilters } from './useStaffFilters';

type Editing = { staff: StaffMember | null } | null;

export default function StaffPage() {
  const t = useOrgT();
  const { user } = useAuth();
  const canEdit = hasAnyRole(user, ORG_EDITOR_ROLES);
  const units = useUnits();
  const [query] = useStaffFilters();
  const [selected, setSelected] = useState<Id[]>([]);
  const [editing, setEditing] = useState<Editing>(null);
  const [importOpen, setImportOpen] = useState(false);
  const notifyStale = useStaleVersionNotice();
  const queryClient = useQueryClient();

  const onStale = () =>
    notifyStale(async () => {
      setEditing(null);
      await queryClient.invalidateQueries({ queryKey: ['org', 'staff'] });
    });

  return (
    <>
      <PageHeader
        title={t('staff.title')}
        extra={
          canEdit ? (
            <>
              <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>
                {t('staff.import')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ staff: null })}>
                {t('staff.add')}
              </Button>
            </>
          ) : null
        }
      />
      <StaffTable
        units={units.data ?? []}
        selectedIds={selected}
        onSelectionChange={setSelected}
        onEdit={canEdit ? (staff) => setEditing({ staff }) : undefined}
        selectionBar={canEdit ? <PrintButtons staffIds={selected} onClear={() => setSelected([])} /> : null}
      />
      <StaffDrawer
        key={editing?.staff ? `${String(editing.staff.id)}:${editing.staff.version}` : 'new'}
        open={editing !== null}
        staff={editing?.staff ?? null}
        units={units.data ?? []}
        defaultUnitId={query.unitId}
        onClose={() => setEditing(null)}
        onStale={onStale}
      />
      <ImportDialog kind="staff" open={importOpen} onClose={() => setImportOpen(false)} />
    </>
  );
}
