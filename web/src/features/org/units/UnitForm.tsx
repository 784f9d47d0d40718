import { useMemo, useState } from 'react';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { errorMessage } from '../../../shared/api';
import { DATE_PATTERN, toIsoDate } from '../../../shared/format';
import { useLocale, useT } from '../../../shared/i18n';
import { applyFieldErrors } from '../../../shared/ui/formErrors';
import { isStaleVersion } from '../../../shared/ui/staleVersion';
import { type OrgUnit, UNIT_KINDS, type UnitKind, useSaveUnit } from '../api';
import { useOrgT } from '../i18n';
import { subtreeIds } from '../tree';
import { UnitSelect } from '../UnitSelect';

interface Values {
  parentId?: string;
  code: string;
  name: string;
  shortName?: string;
  kind: UnitKind;
  function?: string;
  phone?: string;
  effectiveFrom?: Dayjs | null;
  effectiveTo?: Dayjs | null;
}

interface Props {
  units: readonly OrgUnit[];
  /** The unit being edited, or null to create one under defaultParentId. */
  unit: OrgUnit | null;
  defaultParentId: string | null;
  readOnly: boolean;
  onSaved: (unit: OrgUnit) => void;
  onCancel: () => void;
  onStale: () => void;
}

const toDay = (value: string | null) => (value ? dayjs(value) : null);
const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

export function UnitForm({ units, unit, defaultParentId, readOnly, onSaved, onCancel, onStale }: Props) {
  const t = useOrgT();
  const ts = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveUnit();
  const [banner, setBanner] = useState<string | null>(null);
  const disabledParents = useMemo(() => (unit ? subtreeIds(units, unit.id) : undefined), [units, unit]);

  const initialValues: Partial<Values> = unit
    ? {
        parentId: unit.parentId === null ? undefined : String(unit.parentId),
        code: unit.code,
        name: unit.name,
        shortName: unit.shortName ?? undefined,
        kind: unit.kind,
        function: unit.function ?? undefined,
        phone: unit.phone ?? undefined,
        effectiveFrom: toDay(unit.effectiveFrom),
        effectiveTo: toDay(unit.effectiveTo),
      }
    : { parentId: defaultParentId ?? undefined };

  const onFinish = async (values: Values) => {
    setBanner(null);
    const input = {
      parentId: values.parentId ?? null,
      code: values.code.trim(),
      name: values.name.trim(),
      shortName: blankToNull(values.shortName),
      kind: values.kind,
      function: blankToNull(values.function),
      phone: blankToNull(values.phone),
      effectiveFrom: toIsoDate(values.effectiveFrom),
      effectiveTo: toIsoDate(values.effectiveTo),
    };
    try {
      const saved = await save.mutateAsync(unit ? { id: unit.id, version: unit.version, input } : { input });
      message.success(t(unit ? 'units.updated' : 'units.created', { name: input.name }));
      onSaved(saved);
    } catch (error) {
      if (isStaleVersion(error)) return onStale();
      const unmatched = applyFieldErrors(form, error, locale);
      setBanner(unmatched[0] ?? errorMessage(error, locale));
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="unit"
      initialValues={initialValues}
      onFinish={onFinish}
      disabled={readOnly || save.isPending}
      data-testid="unit-form"
    >
      {banner ? <Alert type="error" showIcon role="alert" title={banner} style={{ marginBottom: 16 }} /> : null}
      <Form.Item name="parentId" label={t('unit.parent')}>
        <UnitSelect units={units} disabledIds={disabledParents} allowClear placeholder={t('unit.parentNone')} />
      </Form.Item>
      <Form.Item name="name" label={t('unit.name')} rules={[{ required: true, whitespace: true, max: 255 }]}>
        <Input data-testid="unit-name" />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="shortName" label={t('unit.shortName')} style={{ flex: '1 1 180px' }} rules={[{ max: 100 }]}>
          <Input data-testid="unit-short-name" />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('unit.code')}
          tooltip={t('unit.codeHint')}
          style={{ flex: '1 1 180px' }}
          rules={[{ required: true, whitespace: true, max: 64 }]}
        >
          <Input data-testid="unit-code" autoComplete="off" />
        </Form.Item>
      </Flex>
      <Form.Item name="kind" label={t('unit.kind')} rules={[{ required: true }]}>
        <Select
          data-testid="unit-kind"
          options={UNIT_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
        />
      </Form.Item>
      {/* A short tag the internal processes refer to (one_stop, culture_social…), not prose. */}
      <Form.Item
        name="function"
        label={t('unit.function')}
        tooltip={t('unit.functionHelp')}
        rules={[{ pattern: /^[a-z0-9_]*$/, message: t('unit.functionPattern') }]}
      >
        <Input placeholder="one_stop, culture_social, economy…" maxLength={50} />
      </Form.Item>
      <Form.Item name="phone" label={t('unit.phone')} tooltip={t('unit.phoneHint')} rules={[{ pattern: /^\+?[0-9 .-]{8,15}$/, message: t('unit.phonePattern') }]}>
        <Input inputMode="tel" autoComplete="off" maxLength={20} />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="effectiveFrom" label={t('unit.effectiveFrom')} style={{ flex: '1 1 160px' }}>
          <DatePicker format={DATE_PATTERN} placeholder={ts('common.datePlaceholder')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="effectiveTo"
          label={t('unit.effectiveTo')}
          style={{ flex: '1 1 160px' }}
          dependencies={['effectiveFrom']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: Dayjs | null) => {
                const from = getFieldValue('effectiveFrom') as Dayjs | null;
                return value && from && !value.isAfter(from)
                  ? Promise.reject(new Error(t('unit.dateOrder')))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <DatePicker format={DATE_PATTERN} placeholder={ts('common.datePlaceholder')} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      {readOnly ? null : (
        <Flex gap={8} justify="flex-end">
          <Button onClick={onCancel}>{ts('action.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {ts('action.save')}
          </Button>
        </Flex>
      )}
    </Form>
  );
}
