import { useState } from 'react';
import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Grid, Input, Select, Switch, Upload } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { apiUrl, errorMessage, readCookie } from '../../../shared/api';
import { DATE_PATTERN, toIsoDate } from '../../../shared/format';
import { useLocale, useT } from '../../../shared/i18n';
import { applyFieldErrors } from '../../../shared/ui/formErrors';
import { isStaleVersion } from '../../../shared/ui/staleVersion';
import { type OrgUnit, type StaffMember, useSaveStaff } from '../api';
import { useOrgT } from '../i18n';
import { UnitSelect } from '../UnitSelect';

interface Values {
  fullName: string;
  position?: string;
  unitId?: string;
  badgeNumber?: string;
  phone?: string;
  email?: string;
  username?: string;
  password?: string;
  role?: string;
  active: boolean;
  secondedFrom?: Dayjs | null;
  secondedTo?: Dayjs | null;
}

interface Props {
  open: boolean;
  /** null creates a new staff member. */
  staff: StaffMember | null;
  units: readonly OrgUnit[];
  defaultUnitId?: string;
  onClose: () => void;
  onStale: () => void;
}

const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);
const toDay = (value: string | null) => (value ? dayjs(value) : null);

export function StaffDrawer({ open, staff, units, defaultUnitId, onClose, onStale }: Props) {
  const t = useOrgT();
  const ts = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const save = useSaveStaff();
  const [banner, setBanner] = useState<string | null>(null);

  const initialValues: Partial<Values> = staff
    ? {
        fullName: staff.fullName,
        position: staff.position ?? undefined,
        unitId: String(staff.unitId),
        badgeNumber: staff.badgeNumber ?? undefined,
        phone: staff.phone ?? undefined,
        email: staff.email ?? undefined,
        username: staff.username ?? undefined,
        active: staff.active,
        secondedFrom: toDay(staff.secondedFrom),
        secondedTo: toDay(staff.secondedTo),
      }
    : { active: true, unitId: defaultUnitId };

  const queryClient = useQueryClient();
  const uploadPhoto = async (file: File) => {
    if (!staff) return;
    const body = new FormData();
    body.append('file', file);
    const res = await fetch(apiUrl(`/org/staff/${staff.id}/photo`), {
      method: 'PUT', body, credentials: 'same-origin', headers: { 'x-csrf-token': readCookie('motcua_csrf') ?? '' },
    });
    if (res.ok) {
      message.success(t('staff.photoSaved'));
      await queryClient.invalidateQueries({ queryKey: ['org'] });
    } else {
      const err = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      message.error(err?.error?.message ?? t('staff.photoFailed'));
    }
  };

  const onFinish = async (values: Values) => {
    setBanner(null);
    const username = blankToNull(values.username);
    const account = !staff && username
      ? { username, password: values.password ?? '', roles: values.role ? [{ role: values.role, unitId: values.unitId as string }] : [] }
      : {};
    const input = {
      fullName: values.fullName.trim(),
      position: blankToNull(values.position),
      unitId: values.unitId as string,
      badgeNumber: blankToNull(values.badgeNumber),
      phone: blankToNull(values.phone),
      email: blankToNull(values.email),
      ...account,
      active: values.active,
      secondedFrom: toIsoDate(values.secondedFrom),
      secondedTo: toIsoDate(values.secondedTo),
    };
    try {
      await save.mutateAsync(staff ? { id: staff.id, version: staff.version, input } : { input });
      message.success(t(staff ? 'staff.updated' : 'staff.created', { name: input.fullName }));
      onClose();
    } catch (error) {
      if (isStaleVersion(error)) return onStale();
      const unmatched = applyFieldErrors(form, error, locale);
      setBanner(unmatched[0] ?? errorMessage(error, locale));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t(staff ? 'staff.edit' : 'staff.new')}
      size={screens.sm ? 520 : '100%'}
      destroyOnHidden
      afterOpenChange={(visible) => !visible && setBanner(null)}
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{ts('action.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {ts('action.save')}
          </Button>
        </Flex>
      }
    >
      {banner ? <Alert type="error" showIcon role="alert" title={banner} style={{ marginBottom: 16 }} /> : null}
      <Form<Values>
        form={form}
        name="staff"
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        disabled={save.isPending}
        data-testid="staff-form"
      >
        <Form.Item name="fullName" label={t('person.fullName')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input data-testid="staff-full-name" autoComplete="off" />
        </Form.Item>
        <Form.Item name="position" label={t('person.position')} rules={[{ max: 200 }]}>
          <Input data-testid="staff-position" />
        </Form.Item>
        <Form.Item name="unitId" label={t('person.unit')} rules={[{ required: true }]}>
          <UnitSelect units={units} data-testid="staff-unit" />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="badgeNumber" label={t('person.badgeNumber')} style={{ flex: '1 1 180px' }}>
            <Input data-testid="staff-badge-number" />
          </Form.Item>
          <Form.Item name="username" label={t('person.username')} style={{ flex: '1 1 180px' }}>
            <Input data-testid="staff-username" autoComplete="off" autoCapitalize="none" disabled={!!staff} />
          </Form.Item>
        </Flex>
        {!staff ? (
          <Form.Item noStyle shouldUpdate={(a, b) => a.username !== b.username}>
            {({ getFieldValue }) =>
              getFieldValue('username') ? (
                <Flex gap={16} wrap>
                  <Form.Item name="password" label={t('staff.initialPassword')} style={{ flex: '1 1 180px' }} rules={[{ required: true, min: 10 }]}>
                    <Input.Password autoComplete="new-password" />
                  </Form.Item>
                  <Form.Item name="role" label={t('staff.role')} style={{ flex: '1 1 180px' }}>
                    <Select
                      allowClear
                      options={(['desk_officer', 'specialist', 'unit_head', 'hr_officer', 'clerk', 'auditor', 'admin'] as const).map((r) => ({ value: r, label: t(`role.${r}`) }))}
                    />
                  </Form.Item>
                </Flex>
              ) : null
            }
          </Form.Item>
        ) : (
          <Form.Item label={t('staff.photo')}>
            <Upload accept="image/jpeg,image/png" showUploadList={false} beforeUpload={(file) => { void uploadPhoto(file); return false; }}>
              <Button>{t('staff.uploadPhoto')}</Button>
            </Upload>
          </Form.Item>
        )}
        <Flex gap={16} wrap>
          <Form.Item
            name="phone"
            label={t('person.phone')}
            style={{ flex: '1 1 180px' }}
            rules={[{ pattern: /^[0-9+ ().-]{6,20}$/, message: t('person.phoneInvalid') }]}
          >
            <Input data-testid="staff-phone" inputMode="tel" />
          </Form.Item>
          <Form.Item
            name="email"
            label={t('person.email')}
            style={{ flex: '1 1 180px' }}
            rules={[{ type: 'email', message: t('person.emailInvalid') }]}
          >
            <Input data-testid="staff-email" inputMode="email" />
          </Form.Item>
        </Flex>
        <Form.Item name="active" label={t('person.active')} valuePropName="checked">
          <Switch data-testid="staff-active" />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="secondedFrom" label={t('person.secondedFrom')} style={{ flex: '1 1 180px' }}>
            <DatePicker format={DATE_PATTERN} placeholder={ts('common.datePlaceholder')} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="secondedTo" label={t('person.secondedTo')} style={{ flex: '1 1 180px' }}>
            <DatePicker format={DATE_PATTERN} placeholder={ts('common.datePlaceholder')} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
      </Form>
    </Drawer>
  );
}
