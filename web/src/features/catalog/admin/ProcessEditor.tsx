import { Button, Col, Form, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useCatalogT } from '../i18n';
import { CHANNELS, useCatalogLabels } from '../labels';
import { FieldGrid, type FieldSpec } from './ListEditor';

/** Internal processes: each one optionally limited to some channels, with its ordered steps. */
export function ProcessEditor() {
  const t = useCatalogT();
  const l = useCatalogLabels();
  const stepSpecs: FieldSpec[] = [
    { name: ['name'], label: t('f.stepName'), span: 8, required: true },
    { name: ['action'], label: t('f.action'), span: 16, kind: 'textarea', required: true },
    { name: ['where', 'kind'], label: t('f.where.kind'), span: 6, kind: 'select', required: true, options: [
      { value: 'function', label: t('f.where.function') }, { value: 'unitCode', label: t('f.where.unitCode') }, { value: 'externalAgency', label: t('f.where.external') }] },
    { name: ['where', 'value'], label: t('f.where.value'), span: 8, required: true },
    { name: ['role'], label: t('f.role'), span: 10, kind: 'select', required: true, options: (['desk_officer', 'specialist', 'unit_head'] as const).map((r) => ({ value: r, label: l.role(r) })) },
    { name: ['budget', 'amount'], label: t('f.budget'), span: 4, kind: 'int', required: true },
    { name: ['budget', 'unit'], label: t('f.budgetUnit'), span: 6, kind: 'select', required: true, options: [
      { value: 'working_hours', label: t('unit.working_hours') }, { value: 'working_days', label: t('unit.working_days') }] },
    { name: ['interAgency'], label: t('f.interAgency'), span: 4, kind: 'check' },
    { name: ['output'], label: t('f.note'), span: 10 },
  ];
  const newStep = () => ({ name: '', action: '', where: { kind: 'function', value: '' }, role: 'specialist', budget: { amount: 8, unit: 'working_hours' }, interAgency: false });
  return (
    <Form.List name="internalProcesses">
      {(processes, { add, remove }) => (
        <>
          {processes.map((proc, p) => (
            <div key={proc.key} className="mc-cat-row">
              <Row justify="space-between" align="middle" gutter={12}>
                <Col><strong>{t('edit.processN', { n: p + 1 })}</strong></Col>
                <Col flex="auto">
                  <Form.Item name={[proc.name, 'channels']} label={t('edit.processChannels')} style={{ marginBottom: 8 }}>
                    <Select mode="multiple" allowClear options={CHANNELS.map((c) => ({ value: c, label: l.channel(c) }))} />
                  </Form.Item>
                </Col>
                <Col><Button danger type="text" icon={<DeleteOutlined />} onClick={() => remove(proc.name)}>{t('edit.removeRow')}</Button></Col>
              </Row>
              <Form.List name={[proc.name, 'steps']}>
                {(steps, stepOps) => (
                  <>
                    {steps.map((s, i) => (
                      <div key={s.key} className="mc-cat-row" style={{ background: '#fff' }}>
                        <Row justify="space-between"><strong>{t('detail.step')} {i + 1}</strong>
                          <Button size="small" danger type="text" icon={<DeleteOutlined />} onClick={() => stepOps.remove(s.name)} aria-label={t('edit.removeRow')} />
                        </Row>
                        <FieldGrid specs={stepSpecs} prefix={[s.name]} />
                      </div>
                    ))}
                    <Button icon={<PlusOutlined />} onClick={() => stepOps.add(newStep())} style={{ marginBottom: 12 }}>{t('edit.addStep')}</Button>
                  </>
                )}
              </Form.List>
            </div>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ steps: [newStep()] })}>{t('edit.addProcess')}</Button>
        </>
      )}
    </Form.List>
  );
}
