import { Alert, Breadcrumb, Button, Card, Descriptions, Flex, Form, Input, List, Radio, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { RATING_LABELS, RATING_LEVELS, type RatingLevel } from '../../../../src/modules/online/schema';
import { errorMessage } from '../../shared/api';
import { RequireCitizen } from '../../shared/citizen';
import { useLocale } from '../../shared/i18n';
import { usePageTitle } from '../../shared/pageTitle';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { type Bilingual, type MyDossier, slipUrl, useDocuments, useMyDossier, usePay, useRate, useSupplement } from './api';
import { DocumentSlot } from './DocumentSlot';
import { useOnlineT } from './messages';
import './online.css';

function Supplement({ d, items }: { d: MyDossier; items: { name: string; reason: string }[] }) {
  const t = useOnlineT();
  const store = useDocuments();
  const send = useSupplement(d.code);
  const [chosen, setChosen] = useState<Record<string, string | null>>({});
  const [note, setNote] = useState('');
  const names = new Map((store.data?.items ?? []).map((f) => [f.id, f.name]));
  const ready = items.every((i) => chosen[i.name]);
  return (
    <Card size="small" title={<span id="mc-supplement">{t('detail.supplement')}</span>}>
      <Typography.Paragraph>{t('detail.supplementIntro')}</Typography.Paragraph>
      <Flex vertical gap={12}>
        {items.map((i) => (
          <DocumentSlot key={i.name} name={i.name} required note={i.reason} store={store.data?.items ?? []} fileId={chosen[i.name] ?? null}
            fileName={names.get(chosen[i.name] ?? '') ?? null} onChange={(id) => setChosen({ ...chosen, [i.name]: id })} />
        ))}
        <Form.Item label={t('detail.supplementNote')} htmlFor="mc-sup-note" style={{ marginBottom: 0 }}>
          <Input.TextArea id="mc-sup-note" rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
        {send.isError ? <Alert type="error" showIcon role="alert" message={errorMessage(send.error)} /> : null}
        <Button type="primary" disabled={!ready} loading={send.isPending}
          onClick={() => send.mutate({ documents: items.map((i) => ({ name: i.name, fileId: chosen[i.name]! })), note: note || null })}>
          {t('detail.supplementSend')}
        </Button>
      </Flex>
    </Card>
  );
}

function Rating({ d }: { d: MyDossier }) {
  const t = useOnlineT();
  const locale = useLocale();
  const rate = useRate(d.code);
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [comment, setComment] = useState('');
  return (
    <Card size="small" title={t('detail.rate')}>
      <Form layout="vertical" component="div">
        <Form.Item label={t('detail.rateLevel')} htmlFor="mc-rate-level" required>
          <Radio.Group id="mc-rate-level" value={level} onChange={(e) => setLevel(e.target.value)}
            options={RATING_LEVELS.map((l) => ({ value: l, label: RATING_LABELS[l][locale] }))} />
        </Form.Item>
        <Form.Item label={t('detail.rateComment')} htmlFor="mc-rate-comment">
          <Input.TextArea id="mc-rate-comment" rows={2} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
        </Form.Item>
      </Form>
      {rate.isError ? <Alert type="error" showIcon role="alert" message={errorMessage(rate.error)} style={{ marginBottom: 8 }} /> : null}
      <Button type="primary" disabled={!level} loading={rate.isPending} onClick={() => level && rate.mutate({ level, comment: comment || null })}>{t('detail.rateSend')}</Button>
    </Card>
  );
}

function Pay({ d, amount }: { d: MyDossier; amount: string }) {
  const t = useOnlineT();
  const pay = usePay(d.code);
  if (!d.paymentOnline) return <Alert type="info" showIcon message={t('detail.payAtDesk', { amount })} />;
  return (
    <Flex vertical gap={8}>
      <Button type="primary" loading={pay.isPending} onClick={() => pay.mutate(undefined, { onSuccess: (r) => { window.location.assign(r.redirectUrl); } })}>{t('detail.pay', { amount })}</Button>
      {pay.isError ? <Alert type="error" showIcon role="alert" message={errorMessage(pay.error)} /> : null}
    </Flex>
  );
}

function Detail() {
  const t = useOnlineT();
  const locale = useLocale();
  const { code = '' } = useParams();
  const q = useMyDossier(code);
  const say = (b: Bilingual) => b[locale];
  usePageTitle(code);
  if (q.isPending) return <Skeleton active />;
  if (q.isError) return <ErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  return (
    <Card className="mc-online-card">
      <Breadcrumb items={[{ title: <Link to="/cong-dan/ho-so">{t('detail.back')}</Link> }, { title: d.code }]} />
      <Typography.Title level={1} className="mc-online-h1">{d.procedureName}</Typography.Title>
      <Descriptions bordered size="small" column={1} items={[
        { key: 'code', label: 'Mã hồ sơ / Code', children: <strong>{d.code}</strong> },
        { key: 'status', label: t('detail.status'), children: <Tag color={d.statusCode === 3 ? 'red' : 'blue'} data-status={d.statusCode}>{locale === 'en' ? d.statusNameEn : d.statusName}</Tag> },
        { key: 'received', label: t('detail.received'), children: d.receivedOn ?? '—' },
        { key: 'due', label: t('detail.due'), children: d.dueOn ?? '—' },
        { key: 'lookup', label: t('detail.lookup'), children: d.lookupSecret },
      ]} />
      {d.refusalReasons.length ? (
        <Alert type="error" showIcon style={{ marginTop: 12 }} message={t('detail.refused')} description={<ul>{d.refusalReasons.map((r) => <li key={r}>{r}</li>)}</ul>} />
      ) : null}
      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        {d.receiptAvailable ? <Button className="mc-online-long-btn" href={slipUrl(d.code, '01')} target="_blank" rel="noopener noreferrer">{t('detail.receipt')}</Button> : null}
        {d.statusCode === 3 ? <Button className="mc-online-long-btn" href={slipUrl(d.code, '03')} target="_blank" rel="noopener noreferrer">{t('detail.refusalSlip')}</Button> : null}
      </Flex>
      {d.actions.length ? (
        <section aria-labelledby="mc-actions">
          <Typography.Title level={2} id="mc-actions" className="mc-online-h2">{t('detail.actions')}</Typography.Title>
          <Flex vertical gap={12}>
            {d.actions.map((a) => a.kind === 'supplement' ? <Supplement key="s" d={d} items={a.items} />
              : a.kind === 'pay' ? <Pay key="p" d={d} amount={a.amountText} /> : <Rating key="r" d={d} />)}
          </Flex>
        </section>
      ) : null}
      {d.rating ? <Alert type="success" style={{ marginTop: 12 }} message={t('detail.rated', { level: say(d.rating.label) })} /> : null}
      <section aria-labelledby="mc-deadline">
        <Typography.Title level={2} id="mc-deadline" className="mc-online-h2">{t('detail.deadline')}</Typography.Title>
        <ul className="mc-online-review" data-testid="deadline">{d.deadline.lines.map((l, i) => <li key={i}>{say(l)}</li>)}</ul>
      </section>
      <section aria-labelledby="mc-timeline">
        <Typography.Title level={2} id="mc-timeline" className="mc-online-h2">{t('detail.timeline')}</Typography.Title>
        <Timeline items={[...d.timeline].reverse().map((e) => ({
          key: e.seq,
          children: <div><Typography.Text strong>{say(e.label)}</Typography.Text> <Typography.Text type="secondary">{e.atText}</Typography.Text>{e.lines.map((l, i) => <div key={i}>{say(l)}</div>)}</div>,
        }))} />
      </section>
      <section aria-labelledby="mc-docs">
        <Typography.Title level={2} id="mc-docs" className="mc-online-h2">{t('detail.documents')}</Typography.Title>
        <List size="small" dataSource={d.documents} renderItem={(x) => <List.Item>{x.name}</List.Item>} />
      </section>
    </Card>
  );
}

export default function MyDossierPage() {
  return <div className="mc-container mc-online-page"><RequireCitizen><Detail /></RequireCitizen></div>;
}
