import { useMemo } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, Select, Skeleton } from 'antd';
import { ArrowLeftOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../shared/api';
import { useAuth } from '../../../shared/auth';
import { formatDate } from '../../../shared/format';
import { useLocale } from '../../../shared/i18n';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type CaseDetail, useCase } from '../api-cases';
import { LIMITATION_CLASSES, type LimitationClass, type OpenBody, type PersonKind, useOpenDiscipline } from '../api-discipline';
import { useDisciplineT, useInspectionT } from '../i18n';
import { InspectionNav } from '../InspectionNav';
import { DISCIPLINE_MANAGE_ROLES, DISCIPLINE_PATH, disciplinePath, idParam, todayInVietnam } from '../paths';
import { StaffPicker } from '../StaffPicker';
import { DateField, Problem, useSend } from '../ui';
import { agencyOf, UnitPicker } from '../UnitPicker';
import { type OrgUnit, useUnits } from '../../org/api';
import '../inspection.css';

interface Values {
  unitId?: number;
  subjectStaffId?: number | null;
  personKind: PersonKind;
  holdsPost: boolean;
  offenceSummary?: string;
  offenceEndedOn?: string;
  offenceConcludedOn?: string;
  laterOffences: (string | undefined)[];
  limitationClass: LimitationClass;
  discoveredOn?: string;
  complex: boolean;
}

/** The offence as the conclusion states it (the case itself is kept as the file's source). */
export const offenceFromCase = (c: CaseDetail): string => (c.conclusion ?? c.summary).slice(0, 8000);

/**
 * `/can-bo/thanh-tra/ky-luat/moi`: opening a discipline case. With `?caseId=N` (a complaint or denunciation
 * about an official, concluded as founded) the form starts from that case — the person, the agency, the
 * offence from the conclusion, discovered on the conclusion's day — and the file keeps it as its source.
 */
export default function OpenDisciplinePage() {
  const t = useDisciplineT();
  const [params] = useSearchParams();
  const caseId = idParam(params.get('caseId'));
  const source = useCase(caseId);
  const units = useUnits();
  const header = (
    <>
      <PageHeader title={t('open.title')} subtitle={t('open.subtitle')}
        extra={<Link to={DISCIPLINE_PATH}><Button icon={<ArrowLeftOutlined aria-hidden />}>{t('open.back')}</Button></Link>} />
      <InspectionNav />
    </>
  );
  if (caseId !== null && (source.isPending || units.isPending)) return <>{header}<Card size="small"><Skeleton active paragraph={{ rows: 8 }} /></Card></>;
  return <>{header}<OpenForm source={source.data ?? null} sourceId={caseId} sourceError={source.isError ? source.error : null} units={units.data ?? []} /></>;
}

function OpenForm({ source, sourceId, sourceError, units }: { source: CaseDetail | null; sourceId: number | null; sourceError: unknown; units: readonly OrgUnit[] }) {
  const t = useDisciplineT();
  const ti = useInspectionT();
  const locale = useLocale();
  const { user } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const open = useOpenDiscipline();
  const send = useSend(form, () => undefined);
  const unitId = Form.useWatch('unitId', form);
  const required = ti('required');

  const initial = useMemo<Values>(() => {
    const own = user?.roles.find((g) => DISCIPLINE_MANAGE_ROLES.includes(g.role))?.unitId;
    const base: Values = {
      unitId: own === undefined ? undefined : Number(own), subjectStaffId: null, personKind: 'cong_chuc', holdsPost: false, laterOffences: [],
      limitationClass: 'reprimand_level', discoveredOn: todayInVietnam(), complex: false,
    };
    if (!source) return base;
    return {
      ...base, unitId: agencyOf(source.subjectUnitId, units), subjectStaffId: source.subjectStaff?.id ?? null, offenceSummary: offenceFromCase(source),
      discoveredOn: source.decisionDate ?? source.concludedOn ?? base.discoveredOn,
    };
  }, [source, user, units]);
  const known = source?.subjectStaff ? { [source.subjectStaff.id]: source.subjectStaff.fullName } : {};

  const finish = async (v: Values) => {
    const body: OpenBody = {
      unitId: v.unitId!, subjectStaffId: v.subjectStaffId!, personKind: v.personKind, holdsPost: v.holdsPost, offenceSummary: v.offenceSummary?.trim() ?? '',
      offenceEndedOn: v.offenceEndedOn || undefined, offenceConcludedOn: v.offenceConcludedOn || undefined,
      laterOffences: v.laterOffences.filter((d): d is string => !!d), limitationClass: v.limitationClass, discoveredOn: v.discoveredOn!, complex: v.complex,
      sourceCaseId: source?.id,
    };
    let id = 0;
    if (await send.run(async () => { id = (await open.mutateAsync(body)).id; })) {
      void message.success(t('open.done', { id }));
      navigate(disciplinePath(id));
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void finish(v)} scrollToFirstError>
      {source ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('open.fromCase', { id: source.id, no: source.decisionNo ?? '', date: formatDate(source.decisionDate) })} /> : null}
      {sourceError ? <Alert type="warning" showIcon role="alert" style={{ marginBottom: 16 }} title={t('open.caseFailed', { id: sourceId ?? '', reason: errorMessage(sourceError, locale) })} /> : null}
      <Flex vertical gap={16}>
        <Card size="small" title={t('open.section.person')}>
          <div className="mc-insp-form-grid">
            <Form.Item name="unitId" label={t('field.unit')} extra={t('hint.unit')} rules={[{ required: true, message: required }]}>
              <UnitPicker ariaLabel={t('field.unit')} />
            </Form.Item>
            <Form.Item name="subjectStaffId" label={t('field.subject')} rules={[{ required: true, message: required }]}>
              <StaffPicker ariaLabel={t('field.subject')} unitId={unitId} known={known} />
            </Form.Item>
            <Form.Item name="personKind" label={t('field.personKind')} rules={[{ required: true, message: required }]}>
              <Select aria-label={t('field.personKind')} options={(['cong_chuc', 'can_bo'] as const).map((k) => ({ value: k, label: t(`personKind.${k}`) }))} />
            </Form.Item>
          </div>
          <Form.Item name="holdsPost" valuePropName="checked"><Checkbox>{t('field.holdsPost')}</Checkbox></Form.Item>
        </Card>

        <Card size="small" title={t('open.section.offence')}>
          <Form.Item name="offenceSummary" label={t('field.offence')} rules={[{ required: true, whitespace: true, message: required }]}>
            <Input.TextArea rows={5} maxLength={8000} showCount />
          </Form.Item>
        </Card>

        <Card size="small" title={t('open.section.clock')}>
          <div className="mc-insp-form-grid">
            <DateField name="offenceEndedOn" label={t('field.offenceEnded')} extra={t('hint.offenceDates')} />
            <DateField name="offenceConcludedOn" label={t('field.offenceConcluded')} />
            <Form.Item name="limitationClass" label={t('field.limitation')} rules={[{ required: true, message: required }]}>
              <Select aria-label={t('field.limitation')} options={LIMITATION_CLASSES.map((c) => ({ value: c, label: t(`limitation.${c}`) }))} />
            </Form.Item>
            <DateField name="discoveredOn" label={t('field.discovered')} required={required} extra={t('hint.discovered')} />
          </div>
          <Form.Item name="complex" valuePropName="checked"><Checkbox>{t('field.complex')}</Checkbox></Form.Item>
          <Form.List name="laterOffences">
            {(fields, { add, remove }, { errors }) => (
              <Form.Item label={t('field.laterOffences')} extra={t('hint.later')} style={{ marginBottom: 0 }}>
                {fields.map((field, i) => (
                  <Flex key={field.key} gap={8} align="flex-start">
                    <div style={{ flex: '0 1 240px' }}><DateField name={[field.name]} label={t('field.laterOffence', { n: i + 1 })} required={required} /></div>
                    <Button type="text" icon={<MinusCircleOutlined aria-hidden />} aria-label={t('field.removeLater', { n: i + 1 })} title={t('field.removeLater', { n: i + 1 })}
                      onClick={() => remove(field.name)} style={{ marginTop: 30 }} />
                  </Flex>
                ))}
                <Form.ErrorList errors={errors} />
                <Button icon={<PlusOutlined aria-hidden />} onClick={() => add()} style={{ marginBottom: 12 }}>{t('field.addLater')}</Button>
              </Form.Item>
            )}
          </Form.List>
        </Card>

        <Problem text={send.problem} />
        <Flex gap={8} wrap>
          <Button type="primary" htmlType="submit" loading={send.pending}>{t('open.submit')}</Button>
          <Link to={DISCIPLINE_PATH}><Button>{ti('cancel')}</Button></Link>
        </Flex>
      </Flex>
    </Form>
  );
}
