import { Descriptions, Empty, Tag, Typography } from 'antd';
import { formatDate } from '../../shared/format';
import { type CalendarDay, useLunar } from './api';
import { statusOf } from './dates';
import { useCalendarT } from './messages';
import { STATUS_KEY } from './YearGrid';

export const KIND_COLOR: Record<string, string> = {
  holiday: '#c62828',
  compensatory: '#ef6c00',
  swap_off: '#6a1b9a',
  makeup_workday: 'green',
  weekend: 'default',
  ordinary: 'blue',
};

const WEEKDAY_VI = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function weekdayName(date: string, locale: 'vi' | 'en'): string {
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (locale === 'en' ? WEEKDAY_EN : WEEKDAY_VI)[wd] ?? '';
}

interface Props {
  date: string | null;
  entry: CalendarDay | undefined;
  saturdayWorking: boolean;
  locale: 'vi' | 'en';
}

/** What the calendar says about one day: kind, name, legal basis, who set it, and its lunar date. */
export function DayDetails({ date, entry, saturdayWorking, locale }: Props) {
  const t = useCalendarT();
  const lunar = useLunar(date);
  if (!date) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('day.pick')} />;
  const status = statusOf(date, entry, saturdayWorking);
  return (
    <div data-testid="day-details">
      <Typography.Title level={3} style={{ fontSize: 17, marginBottom: 8 }}>
        {weekdayName(date, locale)} {formatDate(date)}
      </Typography.Title>
      <Tag color={KIND_COLOR[status]} style={{ marginBottom: 8 }}>
        {t(STATUS_KEY[status])}
      </Tag>
      <Descriptions size="small" column={1}>
        {entry ? <Descriptions.Item label={t('edit.name')}>{entry.name}</Descriptions.Item> : null}
        {entry ? (
          <Descriptions.Item label={t('public.basis')}>
            {entry.basis ? `${entry.basis.document} (${formatDate(entry.basis.date)})` : t('day.noBasis')}
          </Descriptions.Item>
        ) : null}
        {entry ? <Descriptions.Item label={t('day.source')}>{t(`source.${entry.source}`)}</Descriptions.Item> : null}
        {entry?.reason ? <Descriptions.Item label={t('edit.reason')}>{entry.reason}</Descriptions.Item> : null}
        {lunar.data ? (
          <Descriptions.Item label={t('day.lunarLabel')}>
            {t('day.lunar', { day: lunar.data.day, month: lunar.data.month, year: lunar.data.year, leap: lunar.data.leap ? t('day.lunarLeap') : '' })}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </div>
  );
}
