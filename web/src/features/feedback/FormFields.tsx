import { useEffect, useMemo, useState } from 'react';
import { Alert, Form, Input, Radio, Select, Typography } from 'antd';
import { normalizeForSearch } from '../../../../src/modules/catalog/rules/search';
import { useLocale } from '../../shared/i18n';
import { ABOUT_KINDS, type AboutKind, type Category, type StaffChannel, type SubmitBody, type Submitter, usePublicAgencies, useProcedureSearch } from './api';
import { useFeedbackT } from './i18n';

/** The values of the send form (portal) and of the desk's record form. */
export interface FeedbackFormValues {
  categoryCode?: string;
  aboutKind: AboutKind;
  procedureCode?: string;
  dossierCode?: string;
  unitId?: number;
  title: string;
  content: string;
  submitter?: Partial<Submitter>;
  consentToPublish?: boolean;
  channel?: StaffChannel;
}

const trimmed = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

/** The request body; an official named by a badge QR (`staffPublicId`) overrides the chosen kind. */
export function toSubmitBody(v: FeedbackFormValues, opts: { staffPublicId?: string; withSubmitter: boolean; attachments?: string[] }): SubmitBody {
  const kind: AboutKind = opts.staffPublicId ? 'official' : v.aboutKind;
  const about: SubmitBody['about'] = { kind };
  if (opts.staffPublicId) about.staffPublicId = opts.staffPublicId;
  if (kind === 'procedure' && v.procedureCode) about.procedureCode = v.procedureCode;
  if (kind === 'dossier' && trimmed(v.dossierCode)) about.dossierCode = trimmed(v.dossierCode);
  if ((kind === 'service' || kind === 'official' || kind === 'regulation' || kind === 'other') && v.unitId !== undefined && !opts.staffPublicId) about.unitId = v.unitId;
  const s = v.submitter ?? {};
  const submitter: Partial<Submitter> = {
    kind: s.kind ?? 'person',
    name: trimmed(s.name),
    phone: trimmed(s.phone),
    email: trimmed(s.email),
    address: trimmed(s.address),
    organisation: s.kind === 'organisation' ? trimmed(s.organisation) : undefined,
  };
  for (const key of Object.keys(submitter) as (keyof Submitter)[]) if (submitter[key] === undefined) delete submitter[key];
  const common = { categoryCode: v.categoryCode ?? '', about, title: v.title.trim(), content: v.content.trim(), consentToPublish: Boolean(v.consentToPublish) };
  // Signed in with e-ID the identity is the sender: only a phone and an e-mail may be added.
  if (!opts.withSubmitter) {
    return { ...common, ...(submitter.phone ? { phone: submitter.phone } : {}), ...(submitter.email ? { email: submitter.email } : {}), attachments: opts.attachments ?? [] };
  }
  return { ...common, submitter, ...(v.channel ? { channel: v.channel } : {}) };
}

/** The categories as radio buttons with their description and time limit: easy to tap on a phone. */
export function CategoryField({ categories }: { categories: Category[] }) {
  const t = useFeedbackT();
  const locale = useLocale();
  return (
    <Form.Item name="categoryCode" label={t('send.category')} rules={[{ required: true, message: t('send.categoryRequired') }]}>
      <Radio.Group
        className="mc-fb-categories"
        style={{ display: 'flex', flexDirection: 'column' }}
        options={categories.map((c) => ({
          value: c.code,
          label: (
            <span>
              <strong>{c.name[locale]}</strong>
              {c.description[locale] ? <><br /><Typography.Text type="secondary">{c.description[locale]}</Typography.Text></> : null}
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>{t('send.deadline', { days: c.deadlineDays })}</Typography.Text>
            </span>
          ),
        }))}
      />
    </Form.Item>
  );
}

function ProcedureSelect({ id, value, onChange }: { id?: string; value?: string; onChange?: (v: string | undefined) => void }) {
  const t = useFeedbackT();
  const [typed, setTyped] = useState('');
  const [term, setTerm] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setTerm(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const search = useProcedureSearch(term);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const options = useMemo(() => {
    const items = (search.data?.items ?? []).map((p) => ({ value: p.code, label: p.name }));
    if (chosen && !items.some((o) => o.value === chosen.value)) items.unshift(chosen);
    return items;
  }, [search.data, chosen]);
  return (
    <Select
      id={id}
      value={value}
      allowClear
      placeholder={t('about.procedurePlaceholder')}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={search.isFetching}
      notFoundContent={search.isFetching ? null : t('about.procedureNone')}
      options={options}
      optionRender={(o) => <div style={{ whiteSpace: 'normal', lineHeight: 1.35 }}>{o.data.label}</div>}
      onChange={(code: string | undefined, option) => {
        const picked = Array.isArray(option) ? undefined : option;
        setChosen(code && picked ? { value: code, label: String(picked.label) } : null);
        onChange?.(code);
      }}
      style={{ width: '100%' }}
    />
  );
}

export function UnitSelect({ id, value, onChange, placeholder }: { id?: string; value?: number; onChange?: (v: number | undefined) => void; placeholder?: string }) {
  const t = useFeedbackT();
  const agencies = usePublicAgencies();
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear
      loading={agencies.isPending}
      placeholder={placeholder ?? t('about.unitPlaceholder')}
      showSearch={{ filterOption: (input, option) => normalizeForSearch(String(option?.label ?? '')).includes(normalizeForSearch(input)) }}
      options={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
      style={{ width: '100%' }}
    />
  );
}

/** What the feedback is about; a QR-named official replaces the choice with that person. */
export function AboutFields({ fixedOfficial }: { fixedOfficial?: React.ReactNode }) {
  const t = useFeedbackT();
  const kind = Form.useWatch<AboutKind | undefined>('aboutKind');
  if (fixedOfficial) {
    return (
      <Form.Item label={t('about.officialFixed')}>
        <div data-testid="about-official">{fixedOfficial}</div>
      </Form.Item>
    );
  }
  return (
    <>
      <Form.Item name="aboutKind" label={t('about.kind')} rules={[{ required: true }]}>
        <Select options={ABOUT_KINDS.map((k) => ({ value: k, label: t(`about.${k}`) }))} style={{ width: '100%' }} />
      </Form.Item>
      {kind === 'procedure' ? (
        <Form.Item name="procedureCode" label={t('about.procedureCode')}>
          <ProcedureSelect />
        </Form.Item>
      ) : null}
      {kind === 'dossier' ? (
        <Form.Item name="dossierCode" label={t('about.dossierCode')} extra={t('about.dossierHint')}>
          <Input maxLength={60} autoComplete="off" spellCheck={false} />
        </Form.Item>
      ) : null}
      {kind === 'official' || kind === 'service' ? (
        <Form.Item name="unitId" label={t('about.unit')}>
          <UnitSelect />
        </Form.Item>
      ) : null}
      {kind === 'official' ? <Alert type="info" showIcon title={t('about.officialHint')} style={{ marginBottom: 16 }} /> : null}
    </>
  );
}

export function SubjectFields() {
  const t = useFeedbackT();
  return (
    <>
      <Form.Item name="title" label={t('send.subject')} rules={[{ required: true, whitespace: true, message: t('send.subjectRequired') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="content" label={t('send.content')} extra={t('send.contentHint')} rules={[{ required: true, whitespace: true, message: t('send.contentRequired') }]}>
        <Input.TextArea rows={6} maxLength={5000} showCount />
      </Form.Item>
    </>
  );
}

/** Name plus at least one way to reach the sender (Decree 20/2008 art. 6–7). */
export function ContactFields() {
  const t = useFeedbackT();
  const kind = Form.useWatch<'person' | 'organisation' | undefined>(['submitter', 'kind']);
  const contactRule = ({ getFieldValue }: { getFieldValue: (name: (string | number)[]) => unknown }) => ({
    validator: () => {
      const any = ['phone', 'email', 'address'].some((k) => String(getFieldValue(['submitter', k]) ?? '').trim());
      return any ? Promise.resolve() : Promise.reject(new Error(t('send.contactRequired')));
    },
  });
  return (
    <>
      <Form.Item name={['submitter', 'kind']} label={t('send.kind')}>
        <Radio.Group options={[{ value: 'person', label: t('send.kind.person') }, { value: 'organisation', label: t('send.kind.organisation') }]} />
      </Form.Item>
      {kind === 'organisation' ? (
        <Form.Item name={['submitter', 'organisation']} label={t('send.organisation')} rules={[{ required: true, whitespace: true, message: t('send.nameRequired') }]}>
          <Input maxLength={200} autoComplete="organization" />
        </Form.Item>
      ) : null}
      <Form.Item name={['submitter', 'name']} label={t('send.name')} rules={[{ required: true, whitespace: true, message: t('send.nameRequired') }]}>
        <Input maxLength={120} autoComplete="name" />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t('send.contactRule')}</Typography.Paragraph>
      <Form.Item name={['submitter', 'phone']} label={t('send.phone')} dependencies={[['submitter', 'email'], ['submitter', 'address']]} rules={[contactRule]}>
        <Input maxLength={20} inputMode="tel" autoComplete="tel" />
      </Form.Item>
      <Form.Item name={['submitter', 'email']} label={t('send.email')} rules={[{ type: 'email' }]}>
        <Input maxLength={200} inputMode="email" autoComplete="email" />
      </Form.Item>
      <Form.Item name={['submitter', 'address']} label={t('send.address')}>
        <Input maxLength={300} autoComplete="street-address" />
      </Form.Item>
    </>
  );
}
