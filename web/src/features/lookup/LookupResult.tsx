import { Alert, Card, Descriptions, Flex, Steps, Tag, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { formatDateTime } from '../../shared/format';
import { StatusTag, TimelinessTag } from '../dossiers/StatusTags';
import type { PublicDossier } from './api';
import { useLookupT } from './messages';

/** The result card: status, dates, on time or late, and the steps by agency — nothing personal. */
export function LookupResult({ dossier: d }: { dossier: PublicDossier }) {
  const t = useLookupT();
  const closed = d.returnedAt !== null || [3, 7, 8, 10].includes(d.statusCode);
  // Waiting for a supplement: the clock stands still and the old date no longer holds (as slip 02 says).
  const paused = d.pausedSince !== null;
  const items = [
    { key: 'procedure', label: t('procedure'), children: d.procedureName },
    { key: 'status', label: t('status'), children: <StatusTag statusCode={d.statusCode} /> },
    { key: 'received', label: t('received'), children: formatDateTime(d.receivedAt) || '—' },
    paused
      ? { key: 'due', label: t('due'), children: <span data-clock="paused">{t('paused', { at: formatDateTime(d.pausedSince) })}</span> }
      : { key: 'due', label: t('due'), children: <strong>{formatDateTime(d.dueAt) || '—'}</strong> },
    ...(d.completedAt ? [{ key: 'completed', label: t('completed'), children: formatDateTime(d.completedAt) }] : []),
    ...(d.returnedAt ? [{ key: 'returned', label: t('returned'), children: formatDateTime(d.returnedAt) }] : []),
    ...(d.timeliness ? [{ key: 'timeliness', label: t('timeliness'), children: <TimelinessTag value={d.timeliness} /> }] : []),
  ];
  return (
    <Card
      style={{ marginTop: 20 }}
      title={
        <Flex gap={10} align="center" wrap style={{ paddingBlock: 8 }}>
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>{d.code}</span>
          <StatusTag statusCode={d.statusCode} />
          {d.archived ? <Tag data-archived="true" style={{ marginInlineEnd: 0 }}>{t('archived')}</Tag> : null}
        </Flex>
      }
      aria-label={d.code}
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />
      {d.archived ? <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('archivedNote', { at: formatDateTime(d.archivedAt) })} /> : null}
      {d.steps.length > 0 ? (
        <>
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
            {t('steps')}
          </Typography.Title>
          <Steps
            orientation="vertical"
            size="small"
            current={closed ? d.steps.length : Math.max(0, d.steps.findIndex((s) => !s.completedAt))}
            items={d.steps.map((s, i) => {
              const current = !s.completedAt && !closed;
              return {
                title: s.name || t('returnStep'),
                status: s.completedAt || closed ? 'finish' : current ? 'process' : 'wait',
                content: (
                  <div style={{ fontSize: 13, lineHeight: 1.5 }} data-step={i + 1}>
                    <div>{s.unitName}</div>
                    <Typography.Text type="secondary">
                      {t('stepFrom', { at: formatDateTime(s.startedAt) })}
                      {s.completedAt ? ` · ${t('stepDone', { at: formatDateTime(s.completedAt) })}` : ''}
                      {current && !paused && s.dueAt && s.dueAt !== s.startedAt ? ` · ${t('stepDue', { at: formatDateTime(s.dueAt) })}` : ''}
                    </Typography.Text>
                    <Flex gap={6} style={{ marginTop: 2 }}>
                      {current ? <Typography.Text strong>{t(paused ? 'stepPaused' : 'stepNow')}</Typography.Text> : null}
                      <TimelinessTag value={s.dueAt && s.dueAt !== s.startedAt ? s.timeliness : null} />
                    </Flex>
                  </div>
                ),
              };
            })}
          />
        </>
      ) : null}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 13 }}>
        <LockOutlined aria-hidden /> {t('privacy')}
      </Typography.Paragraph>
    </Card>
  );
}
