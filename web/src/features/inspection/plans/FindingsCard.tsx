import { useState } from 'react';
import { App, Button, Card, Flex, List, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Muted, useSend } from '../ui';
import { type Finding, type InspectionDetail, useInspectionAction } from './api-inspections';
import { useInspectionsT, usePlansT } from './i18n';
import { FindingDialog } from './InspectionDialogs';
import { useCodes } from './labels';

/** The team's findings, each with its kind, the official concerned and the checklist item it answers. */
export function FindingsCard({ d, reload }: { d: InspectionDetail; reload: () => unknown }) {
  const t = useInspectionsT();
  const tp = usePlansT();
  const codes = useCodes();
  const { modal, message } = App.useApp();
  const act = useInspectionAction(d.id);
  const send = useSend(null, reload);
  const [editing, setEditing] = useState<Finding | 'new' | null>(null);
  const may = (a: InspectionDetail['allowedActions'][number]) => d.allowedActions.includes(a);
  const remove = (f: Finding) => modal.confirm({
    title: t('findings.removeConfirm'), content: f.description, okText: t('act.remove_finding'), okButtonProps: { danger: true }, cancelText: tp('cancel'),
    onOk: async () => { if (await send.run(() => act.mutateAsync({ action: 'remove_finding', version: d.version, findingId: f.id }))) void message.success(tp('done')); },
  });
  if (!d.checklist && !d.findings.length) return null;
  return (
    <Card size="small" title={t('findings.title')} data-testid="findings"
      extra={may('add_finding') ? <Button icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>{t('act.add_finding')}</Button> : null}>
      {d.findings.length ? (
        <List size="small" dataSource={d.findings} renderItem={(f) => (
          <List.Item actions={[
            ...(may('update_finding') ? [<Button key="edit" size="small" onClick={() => setEditing(f)}>{t('act.update_finding')}</Button>] : []),
            ...(may('remove_finding') ? [<Button key="remove" size="small" onClick={() => remove(f)}>{t('act.remove_finding')}</Button>] : []),
          ]}>
            <Flex vertical gap={4} style={{ minWidth: 0 }}>
              <div><Tag color="red" className="mc-insp-wrap-tag">{codes.finding(f.kind)}</Tag></div>
              <p className="mc-insp-text">{f.description}</p>
              {f.staff ? <Muted>{t('findings.person', { name: [f.staff.fullName, f.staff.unitName].filter(Boolean).join(' — ') })}</Muted> : null}
              {f.checklistCode ? <Muted>{t('findings.item', { item: codes.checklistItem(f.checklistCode) })}</Muted> : null}
            </Flex>
          </List.Item>
        )} />
      ) : <Muted>{t('findings.empty')}</Muted>}
      {send.problem ? <Typography.Text type="danger" role="alert">{send.problem}</Typography.Text> : null}
      {editing ? <FindingDialog d={d} finding={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} reload={reload} /> : null}
    </Card>
  );
}
