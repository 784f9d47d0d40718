import { useState } from 'react';
import { Alert, Button, Form, Radio, Result, Skeleton, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { errorMessage } from '../../../shared/api';
import { useLocale } from '../../../shared/i18n';
import { LocaleSwitch } from '../../../shared/layout/LocaleSwitch';
import { usePageTitle } from '../../../shared/pageTitle';
import { useSite } from '../../../shared/site';
import { type PublicForm, usePublicAnswer, usePublicForm } from './api';
import { useSurveyT } from './messages';
import { RespondentFields } from './RespondentFields';
import './survey.css';

/**
 * The public answer page (/khao-sat/:code): no sign-in, reached by the link or QR code of a one-time
 * invitation. One column for a phone, large radio targets, the respondent fields after the questions
 * (optional), then a thank-you. The server refuses a code used before or a survey already closed.
 */
export default function AnswerPage() {
  const t = useSurveyT();
  const locale = useLocale();
  const site = useSite();
  const code = useParams().code ?? '';
  usePageTitle(t('answer.title'));
  const form = usePublicForm(code);
  const [done, setDone] = useState(false);
  return (
    <div className="mc-survey-answer">
      <header className="mc-survey-answer-header">
        <Typography.Text strong>{site.portalName}</Typography.Text>
        <LocaleSwitch />
      </header>
      <main id="main" className="mc-survey-answer-main" lang={locale}>
        <Typography.Title level={1} style={{ fontSize: 26 }}>{t('answer.title')}</Typography.Title>
        {form.isLoading ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
        {form.isError ? <Alert type="error" showIcon message={t('answer.cannotOpen')} description={errorMessage(form.error, locale)} /> : null}
        {done ? <Result status="success" title={t('answer.thanks')} subTitle={t('answer.thanksHint')} /> : null}
        {form.data && !done ? <Questions code={code} data={form.data} onDone={() => setDone(true)} /> : null}
      </main>
    </div>
  );
}

type Values = { answers?: Record<string, string | undefined>; respondent?: Record<string, string | undefined> };

function Questions({ code, data, onDone }: { code: string; data: PublicForm; onDone: () => void }) {
  const t = useSurveyT();
  const locale = useLocale();
  const answer = usePublicAnswer(code);
  const [empty, setEmpty] = useState(false);
  const submit = (v: Values) => {
    const answers = Object.fromEntries(data.form.questions.map((q) => [q.id, v.answers?.[q.id] ?? null]));
    if (Object.values(answers).every((a) => a === null)) { setEmpty(true); return; }
    const respondent = Object.fromEntries(Object.entries(v.respondent ?? {}).filter(([, x]) => typeof x === 'string' && x.trim() !== '')) as Record<string, string>;
    answer.mutate({ answers, respondent }, { onSuccess: onDone });
  };
  return (
    <Form layout="vertical" onFinish={submit} onValuesChange={() => setEmpty(false)}>
      <Typography.Paragraph>{t('answer.intro', { year: data.round.year })}</Typography.Paragraph>
      <dl className="mc-survey-question" style={{ margin: '0 0 12px' }}>
        <dt><Typography.Text type="secondary">{t('answer.about')}</Typography.Text></dt>
        <dd style={{ margin: '0 0 8px', fontSize: 18, fontWeight: 600 }}>{data.unitName}</dd>
        <dt><Typography.Text type="secondary">{t('answer.group')}</Typography.Text></dt>
        <dd style={{ margin: 0 }}>{`${data.form.name} (${data.form.respondentGroup})`}</dd>
      </dl>
      <Typography.Title level={2} style={{ fontSize: 20 }}>{t('answer.questions')}</Typography.Title>
      {data.form.questions.map((q, i) => (
        <fieldset key={q.id} className="mc-survey-question" style={{ border: 0 }}>
          <legend>{`${i + 1}. ${q.text}`}</legend>
          <Form.Item name={['answers', q.id]} noStyle>
            <Radio.Group className="mc-survey-options" options={q.options.map((o) => ({ value: o.key, label: `${o.key}. ${o.text}` }))} />
          </Form.Item>
        </fieldset>
      ))}
      <div className="mc-survey-question">
        <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>{t('answer.respondent')}</Typography.Title>
        <RespondentFields size="large" />
      </div>
      {empty ? <Alert type="warning" showIcon message={t('answer.noneAnswered')} style={{ marginBottom: 12 }} role="alert" /> : null}
      {answer.isError ? <Alert type="error" showIcon message={errorMessage(answer.error, locale)} style={{ marginBottom: 12 }} role="alert" /> : null}
      <Button type="primary" htmlType="submit" className="mc-survey-submit" loading={answer.isPending}>{t('answer.submit')}</Button>
    </Form>
  );
}
