import { useMemo, useState } from 'react';
import { Button, Card, Col, Flex, Grid, List, Row, Skeleton, Table, Tag, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { formatDate } from '../../shared/format';
import { useLocale } from '../../shared/i18n';
import { usePageTitle } from '../../shared/pageTitle';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { type CalendarDay, type Hours, useCalendarYear, useHours } from './api';
import { vnToday } from './dates';
import { DayDetails, KIND_COLOR, weekdayName } from './DayDetails';
import { DeadlineCalculator } from './DeadlineCalculator';
import { useCalendarT } from './messages';
import { Legend, STATUS_KEY, YearGrid } from './YearGrid';

/** On a phone one month at a time is readable; the arrows move across years too. */
export function MonthSwitcher({ year, month, onChange }: { year: number; month: number; onChange: (year: number, month: number) => void }) {
  const t = useCalendarT();
  const step = (delta: number) => {
    const index = year * 12 + (month - 1) + delta;
    onChange(Math.floor(index / 12), (index % 12) + 1);
  };
  return (
    <Flex align="center" justify="space-between" gap={8} style={{ marginBottom: 10 }}>
      <Button icon={<LeftOutlined />} aria-label={t('month.prev')} onClick={() => step(-1)} />
      <Typography.Text strong style={{ fontSize: 16 }} data-testid="calendar-month">
        {t('month.name', { month })} / {year}
      </Typography.Text>
      <Button icon={<RightOutlined />} aria-label={t('month.next')} onClick={() => step(1)} />
    </Flex>
  );
}

export function YearSwitcher({ year, onChange }: { year: number; onChange: (year: number) => void }) {
  const t = useCalendarT();
  return (
    <Flex align="center" gap={8}>
      <Button icon={<LeftOutlined />} aria-label={t('year.prev')} onClick={() => onChange(year - 1)} disabled={year <= 2000} />
      <Typography.Text strong style={{ fontSize: 18, minWidth: 52, textAlign: 'center' }} data-testid="calendar-year">
        {year}
      </Typography.Text>
      <Button icon={<RightOutlined />} aria-label={t('year.next')} onClick={() => onChange(year + 1)} disabled={year >= 2100} />
    </Flex>
  );
}

function HoursSummary({ hours }: { hours: Hours }) {
  const t = useCalendarT();
  const intervals = hours.intervals.map((i) => `${i.start}–${i.end}`).join(', ');
  return (
    <>
      <div>{t('public.hoursLine', { intervals, hours: hours.hoursPerDay })}</div>
      <Typography.Text type="secondary">{t(hours.saturdayWorking ? 'public.saturdayWorking' : 'public.saturdayOff')}</Typography.Text>
    </>
  );
}

/** Table form of the year's days off, for reading on a phone or with a screen reader. */
function DaysTable({ days, locale, phone }: { days: CalendarDay[]; locale: 'vi' | 'en'; phone: boolean }) {
  const t = useCalendarT();
  if (phone) {
    return (
      <List
        size="small"
        dataSource={days}
        renderItem={(d) => (
          <List.Item>
            <div>
              <Flex gap={8} wrap align="center">
                <strong>{weekdayName(d.date, locale)} {formatDate(d.date)}</strong>
                <Tag color={KIND_COLOR[d.kind]}>{t(STATUS_KEY[d.kind])}</Tag>
              </Flex>
              <div>{d.name}</div>
              {d.basis ? <Typography.Text type="secondary">{d.basis.document} ({formatDate(d.basis.date)})</Typography.Text> : null}
            </div>
          </List.Item>
        )}
      />
    );
  }
  return (
    <Table<CalendarDay>
      size="small"
      rowKey="date"
      dataSource={days}
      pagination={false}
      columns={[
        { title: t('table.date'), dataIndex: 'date', render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{weekdayName(d, locale)} {formatDate(d)}</span> },
        { title: t('edit.kind'), dataIndex: 'kind', render: (k: CalendarDay['kind']) => <Tag color={KIND_COLOR[k]}>{t(STATUS_KEY[k])}</Tag> },
        { title: t('edit.name'), dataIndex: 'name' },
        {
          title: t('public.basis'), dataIndex: 'basis', width: 220,
          render: (b: CalendarDay['basis']) => (b ? `${b.document} (${formatDate(b.date)})` : '—'),
        },
      ]}
    />
  );
}

/** /lich-lam-viec: this year's working calendar, office hours and a due-date calculator. */
export default function PublicSchedulePage() {
  const t = useCalendarT();
  usePageTitle(t('public.title'));
  const locale = useLocale();
  const today = vnToday();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [selected, setSelected] = useState<string | null>(today);
  const [month, setMonth] = useState(Number(today.slice(5, 7)));
  const phone = Grid.useBreakpoint().md === false;
  const calendar = useCalendarYear(year);
  const hours = useHours();
  const saturdayWorking = hours.data?.current.saturdayWorking ?? false;
  const days = calendar.data?.days ?? [];
  const entry = useMemo(() => days.find((d) => d.date === selected), [days, selected]);

  const changeYear = (next: number) => {
    setYear(next);
    setSelected(null);
  };

  return (
    <div className="mc-section">
      <div className="mc-container">
        <Typography.Title level={1} style={{ fontSize: 26, marginBottom: 4 }}>
          {t('public.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('public.subtitle', { year })}</Typography.Paragraph>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Card
              title={<YearSwitcher year={year} onChange={changeYear} />}
              styles={{ body: { paddingTop: 12 } }}
            >
              <Legend />
              {calendar.isError ? (
                <ErrorResult variant="inline" error={calendar.error} onRetry={() => void calendar.refetch()} />
              ) : calendar.isPending ? (
                <Skeleton active paragraph={{ rows: 10 }} />
              ) : (
                <>
                  {phone ? <MonthSwitcher year={year} month={month} onChange={(y, m) => { if (y !== year) changeYear(y); setMonth(m); }} /> : null}
                  <YearGrid year={year} days={days} saturdayWorking={saturdayWorking} selected={selected} onSelect={setSelected} months={phone ? [month] : undefined} />
                </>
              )}
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <Flex vertical gap={16}>
              <Card title={t('public.hoursTitle')} size="small">
                {hours.data ? <HoursSummary hours={hours.data.current} /> : <Skeleton active paragraph={{ rows: 1 }} />}
              </Card>
              <Card size="small">
                <DayDetails date={selected} entry={entry} saturdayWorking={saturdayWorking} locale={locale} />
              </Card>
              <Card title={t('calc.title')} size="small">
                <DeadlineCalculator />
              </Card>
            </Flex>
          </Col>
          <Col xs={24} xl={16}>
            <Card title={t('public.daysOff')}>
              <DaysTable days={days} locale={locale} phone={phone} />
              <Typography.Title level={3} style={{ fontSize: 16, marginTop: 20 }}>
                {t('public.notices')}
              </Typography.Title>
              {calendar.data && calendar.data.notices.length === 0 ? (
                <Typography.Paragraph type="secondary">{t('public.noNotices', { year })}</Typography.Paragraph>
              ) : (
                <List
                  size="small"
                  dataSource={calendar.data?.notices ?? []}
                  renderItem={(n) => (
                    <List.Item>
                      <div>
                        <strong>{n.document}</strong> ({formatDate(n.date)}){n.issuer ? ` — ${n.issuer}` : ''}
                        <div>{n.title}</div>
                      </div>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Col>
        </Row>
      </div>
    </div>
  );
}
