import { Button, Card, Empty, Flex, Input, List, Select, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { formatDate } from '../../../shared/format';
import { useLocale } from '../../../shared/i18n';
import { usePageTitle } from '../../../shared/pageTitle';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { type PublishedItem, say, usePublicCategories, usePublished, useStats } from '../api';
import { useFeedbackT } from '../i18n';
import { Transparency } from './Transparency';
import '../feedback.css';

function Item({ item }: { item: PublishedItem }) {
  const t = useFeedbackT();
  const locale = useLocale();
  return (
    <List.Item data-code={item.code}>
      <article aria-labelledby={`fb-${item.code}`}>
        <Flex gap={6} wrap style={{ marginBottom: 4 }}>
          <Tag style={{ marginInlineEnd: 0 }}>{say(item.categoryName, locale)}</Tag>
          {item.answeredOnTime === true ? <Tag color="green" style={{ marginInlineEnd: 0 }}>{t('pub.onTime')}</Tag> : null}
          {item.answeredOnTime === false ? <Tag color="red" style={{ marginInlineEnd: 0 }}>{t('pub.late')}</Tag> : null}
        </Flex>
        <h3 id={`fb-${item.code}`}>{item.title}</h3>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {item.code} · {t('pub.dates', { received: formatDate(item.receivedAt), answered: formatDate(item.answeredAt) || '—' })}
        </Typography.Text>
        <p className="mc-fb-text" style={{ marginTop: 8 }} data-testid="published-question">{item.question}</p>
        <div className="mc-fb-answer">
          <Typography.Text strong>{t('pub.answer', { unit: item.unitName ?? '' })}</Typography.Text>
          <p className="mc-fb-text" data-testid="published-answer">{item.answer}</p>
        </div>
      </article>
    </List.Item>
  );
}

/** `/phan-anh/cong-khai`: published questions and answers with filters, then the figures by unit. */
export default function PublishedPage() {
  const t = useFeedbackT();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const filter = { categoryCode: params.get('nhom') || undefined, unitId: params.get('donvi') || undefined, q: params.get('q') || undefined };
  const list = usePublished(filter);
  const categories = usePublicCategories();
  // The units worth filtering by are those with feedback: the figures list them.
  const units = useStats('2000-01-01', new Date().toISOString().slice(0, 10));
  usePageTitle(t('pub.title'));
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="mc-container mc-fb-page">
      <Card className="mc-fb-card">
        <Typography.Title level={1} className="mc-fb-h1">{t('pub.title')}</Typography.Title>
        <Typography.Paragraph>{t('pub.intro')}</Typography.Paragraph>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Link to="/phan-anh"><Button type="primary">{t('pub.send')}</Button></Link>
          <Link to="/phan-anh/tra-cuu"><Button>{t('pub.lookup')}</Button></Link>
        </Flex>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search key={filter.q ?? ''} defaultValue={filter.q} allowClear aria-label={t('pub.search')} placeholder={t('pub.search')} onSearch={(v) => set('q', v.trim() || undefined)} style={{ flex: '2 1 240px' }} />
          <Select aria-label={t('pub.category')} value={filter.categoryCode ?? ''} onChange={(v: string) => set('nhom', v || undefined)} style={{ flex: '1 1 200px', minWidth: 0 }}
            options={[{ value: '', label: t('pub.allCategories') }, ...(categories.data ?? []).map((c) => ({ value: c.code, label: c.name[locale] }))]} />
          <Select aria-label={t('pub.unit')} value={filter.unitId ?? ''} onChange={(v: string) => set('donvi', v || undefined)} style={{ flex: '1 1 200px', minWidth: 0 }}
            showSearch={{ optionFilterProp: 'label' }}
            options={[{ value: '', label: t('pub.allUnits') }, ...(units.data?.units ?? []).map((u) => ({ value: String(u.unitId), label: u.unitName }))]} />
        </Flex>
        {list.isError ? <ErrorResult variant="inline" error={list.error} onRetry={() => void list.refetch()} /> : (
          <List<PublishedItem>
            className="mc-fb-published"
            loading={list.isPending}
            dataSource={items}
            locale={{ emptyText: <Empty description={t('pub.empty')} /> }}
            renderItem={(item) => <Item key={item.code} item={item} />}
          />
        )}
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 8 }}>
          <Typography.Text type="secondary" aria-live="polite">{items.length ? t('pub.shown', { n: items.length }) : null}</Typography.Text>
          {list.hasNextPage ? <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>{t('pub.more')}</Button> : null}
        </Flex>
      </Card>
      <Transparency />
    </div>
  );
}
