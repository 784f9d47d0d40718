import type { ReactNode } from 'react';
import { App, Form, type FormInstance, Modal } from 'antd';
import { type DisciplineActionBody, type DisciplineDetail, useDisciplineAction } from '../api-discipline';
import { useDisciplineT, useInspectionT } from '../i18n';
import { Problem, useSend } from '../ui';

type Body = DisciplineActionBody extends infer B ? (B extends { version: number } ? Omit<B, 'version'> : never) : never;

export type DialogProps = { detail: DisciplineDetail; onClose: () => void; reload: () => unknown };

/**
 * The frame of every discipline action: a modal form sent under the version the page read. The server
 * decides (order of steps, limitation, council, ballot, forms); its field errors land under the fields, a
 * stale version closes the dialog and reloads the case.
 */
export function ActionModal<V extends object>({ detail, onClose, reload, title, form, initialValues, toBody, children, danger, width }: DialogProps & {
  title: string; form: FormInstance<V>; initialValues: Partial<V>; toBody: (v: V) => Body; children: ReactNode; danger?: boolean; width?: number;
}) {
  const t = useDisciplineT();
  const ti = useInspectionT();
  const { message } = App.useApp();
  const act = useDisciplineAction(detail.id);
  const send = useSend(form, reload, onClose);
  const finish = async (v: V) => {
    if (await send.run(() => act.mutateAsync({ ...toBody(v), version: detail.version } as DisciplineActionBody))) {
      void message.success(t('act.done'));
      onClose();
    }
  };
  return (
    <Modal open width={width ?? 560} title={`${title} — ${t('case.title', { id: detail.id })}`} okText={t('act.ok')} cancelText={ti('cancel')}
      onOk={() => form.submit()} onCancel={onClose} okButtonProps={{ loading: send.pending, danger }} destroyOnHidden>
      <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => void finish(v)}>
        {children}
        <Problem text={send.problem} />
      </Form>
    </Modal>
  );
}
