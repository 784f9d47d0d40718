import { Tag } from 'antd';
import { STATUS_INFO, TIMELINESS_TAGS, type OpenTimeliness, type StatusCode, type Timeliness } from '../../../../src/modules/dossiers/rules/statuses';
import { useLocale } from '../../shared/i18n';

/** One colour per portal status code (DOMAIN §2.3), the same on every page. */
const STATUS_COLOURS: Record<StatusCode, string> = {
  1: 'default',
  2: 'blue',
  3: 'volcano',
  4: 'geekblue',
  5: 'orange',
  6: 'gold',
  7: 'default',
  8: 'magenta',
  9: 'cyan',
  10: 'green',
};

const TIMELINESS_COLOURS: Record<Timeliness | OpenTimeliness, string> = {
  early: 'green',
  on_time: 'green',
  late: 'red',
  within: 'blue',
  overdue: 'red',
  paused: 'default',
};

function known(code: number): code is StatusCode {
  return code in STATUS_INFO;
}

export function StatusTag({ statusCode }: { statusCode: number }) {
  const locale = useLocale();
  if (!known(statusCode)) return <Tag>{statusCode}</Tag>;
  return (
    <Tag color={STATUS_COLOURS[statusCode]} data-status={statusCode} style={{ marginInlineEnd: 0 }}>
      {STATUS_INFO[statusCode][locale]}
    </Tag>
  );
}

/**
 * Trước hạn / đúng hạn / hoàn thành quá hạn for finished work; trong hạn / đang quá hạn / tạm dừng
 * for open work — finished-late and still-overdue never share a label.
 */
export function TimelinessTag({ value }: { value: Timeliness | OpenTimeliness | null | undefined }) {
  const locale = useLocale();
  if (!value) return null;
  return (
    <Tag color={TIMELINESS_COLOURS[value]} data-timeliness={value} style={{ marginInlineEnd: 0 }}>
      {TIMELINESS_TAGS[value][locale]}
    </Tag>
  );
}
