import { useState } from 'react';
import { Flex, Switch, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../shared/format';
import { useEventLabel, useRegistryT } from '../i18n';
import type { DocEvent } from '../types';

const RED = new Set(['returned', 'cancelled', 'recalled', 'returned_to_sender', 'delivery_returned', 'delivery_failed']);
const GREEN = new Set(['approved', 'released', 'registered', 'reported', 'receipt_received']);
/** Reads of the document and of its files: kept (Decree 30 Appendix VI), shown on demand. */
const READS = new Set(['viewed', 'attachment_downloaded', 'slip_printed']);

/** The document's whole history, newest last; the views and downloads behind a switch. */
export function History({ events }: { events: DocEvent[] }) {
  const t = useRegistryT();
  const label = useEventLabel();
  const [showReads, setShowReads] = useState(false);
  const reads = events.filter((e) => READS.has(e.action)).length;
  const shown = showReads ? events : events.filter((e) => !READS.has(e.action));
  return (
    <>
      {reads ? (
        <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
          <Switch size="small" checked={showReads} onChange={setShowReads} aria-label={t('history.showReads')} />
          <Typography.Text type="secondary">{t('history.reads', { n: reads })}</Typography.Text>
        </Flex>
      ) : null}
      {shown.length === 0 ? <Typography.Text type="secondary">{t('history.empty')}</Typography.Text> : (
        <Timeline data-testid="registry-history" items={shown.map((e) => ({
          key: e.id,
          color: RED.has(e.action) ? 'red' : GREEN.has(e.action) ? 'green' : READS.has(e.action) ? 'gray' : 'blue',
          content: (
            <div data-event={e.action}>
              <Typography.Text strong>{label(e.action)}</Typography.Text>
              <div><Typography.Text type="secondary">{formatDateTime(e.at)} · {e.actorName}</Typography.Text></div>
              {e.note ? <Typography.Paragraph className="mc-reg-text" style={{ marginTop: 4 }}>{e.note}</Typography.Paragraph> : null}
            </div>
          ),
        }))} />
      )}
    </>
  );
}
