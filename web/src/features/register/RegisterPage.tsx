import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Skeleton, Space, Typography } from 'antd';
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { isApiError } from '../../shared/api';
import { useAuth } from '../../shared/auth';
import { DATE_PATTERN } from '../../shared/format';
import { useLocale, useT } from '../../shared/i18n';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useUnits } from '../org/api';
import { UnitSelect } from '../org/UnitSelect';
import { downloadFromApi } from './download';
import { useRegisterT } from './messages';
import { PRESETS, presetPeriod } from './periods';

interface Values {
  unitId?: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

type Format = 'xlsx' | 'pdf';

/** The roles whose unit keeps a register: the desk's unit first, then a head's. */
const REGISTER_KEEPERS = ['desk_officer', 'unit_head'];

export default function RegisterPage() {
  const t = useRegisterT();
  const ts = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const { user } = useAuth();
  const units = useUnits();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState<Format | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const defaultUnit = useMemo(() => {
    const reachable = new Set((units.data ?? []).map((u) => String(u.id)));
    const grant = user?.roles.find((g) => REGISTER_KEEPERS.includes(g.role) && reachable.has(String(g.unitId)));
    return grant ? String(grant.unitId) : (units.data?.[0] ? String(units.data[0].id) : undefined);
  }, [units.data, user]);
  const [thisMonthFrom, today] = presetPeriod('thisMonth');

  const download = async (format: Format) => {
    setFailure(null);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const from = values.from!.format('YYYY-MM-DD');
    const to = values.to!.format('YYYY-MM-DD');
    setBusy(format);
    try {
      const name = await downloadFromApi(`/dossier-register.${format}`, { unitId: values.unitId, from, to }, `so-theo-doi-ho-so-${from}-${to}.${format}`);
      message.success(t('done', { file: name }));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  // The server's reasons (a period over 366 days, more dossiers than a PDF holds) in plain words.
  const failureText = isApiError(failure)
    ? [failure.fields.length ? '' : failure.messageIn(locale), ...failure.fields.map((f) => failure.fieldMessageIn(f, locale))].filter(Boolean).join(' ')
    : failure
      ? ts('error.unexpected')
      : null;

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card style={{ maxWidth: 760 }}>
        {units.isError ? (
          <ErrorResult variant="inline" error={units.error} onRetry={() => void units.refetch()} />
        ) : units.isPending ? (
          <Skeleton active />
        ) : units.data.length === 0 ? (
          <Alert type="warning" showIcon title={t('noUnits')} />
        ) : (
          <Form<Values>
            form={form}
            name="register"
            layout="vertical"
            initialValues={{ unitId: defaultUnit, from: thisMonthFrom, to: today }}
            onValuesChange={() => setFailure(null)}
          >
            <Form.Item name="unitId" label={t('unit')} rules={[{ required: true, message: t('unit.required') }]}>
              <UnitSelect units={units.data} />
            </Form.Item>
            <Flex gap={16} wrap>
              <Form.Item name="from" label={t('from')} rules={[{ required: true, message: t('from.required') }]} style={{ flex: '1 1 200px' }}>
                <DatePicker format={DATE_PATTERN} placeholder={ts('common.datePlaceholder')} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item
                name="to"
                label={t('to')}
                dependencies={['from']}
                style={{ flex: '1 1 200px' }}
                rules={[
                  { required: true, message: t('to.required') },
                  ({ getFieldValue }) => ({
                    validator: (_, value: Dayjs | null) => {
                      const from = getFieldValue('from') as Dayjs | null;
                      return !value || !from || !value.isBefore(from, 'day') ? Promise.resolve() : Promise.reject(new Error(t('to.beforeFrom')));
                    },
                  }),
                ]}
              >
                <DatePicker format={DATE_PATTERN} placeholder={ts('common.datePlaceholder')} style={{ width: '100%' }} />
              </Form.Item>
            </Flex>
            <Form.Item label={t('preset')}>
              <Space wrap>
                {PRESETS.map((p) => (
                  <Button
                    key={p}
                    size="small"
                    onClick={() => {
                      const [from, to] = presetPeriod(p);
                      form.setFieldsValue({ from, to });
                      setFailure(null);
                    }}
                  >
                    {t(`preset.${p}`)}
                  </Button>
                ))}
              </Space>
            </Form.Item>
            <Typography.Paragraph type="secondary">{t('limits')}</Typography.Paragraph>
            {failureText ? <Alert type="error" showIcon title={t('failed')} description={failureText} role="alert" style={{ marginBottom: 16 }} /> : null}
            <Flex gap={8} wrap>
              <Button type="primary" icon={<FileExcelOutlined />} loading={busy === 'xlsx'} disabled={busy !== null} onClick={() => void download('xlsx')}>
                {t('xlsx')}
              </Button>
              <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} disabled={busy !== null} onClick={() => void download('pdf')}>
                {t('pdf')}
              </Button>
            </Flex>
          </Form>
        )}
      </Card>
    </>
  );
}
