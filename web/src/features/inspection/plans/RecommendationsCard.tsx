import { useState } from 'react';
import { Button, Card, Flex, Timeline, Typography } from 'antd';
import { formatDate, formatDateTime } from '../../../shared/format';
import { Muted } from '../ui';
import type { InspectionDetail, Recommendation, RecommendationActionName } from './api-inspections';
import { useInspectionsT } from './i18n';
import { RecommendationDialog } from './InspectionDialogs';
import { RecClockTag, RecStatusTag } from './tags';

/**
 * The conclusion's recommendations with their clock (on track, near due, overdue, closed on time or late),
 * their follow-up (reports, returns, acceptance) and the actions the caller may take on each: the
 * responsible unit reports, the inspecting unit's head accepts or returns.
 */
export function RecommendationsCard({ d, reload }: { d: InspectionDetail; reload: () => unknown }) {
  const t = useInspectionsT();
  const [acting, setActing] = useState<{ rec: Recommendation; action: RecommendationActionName } | null>(null);
  if (!d.conclusion) return null;
  return (
    <Card size="small" title={t('recs.title')} data-testid="recommendations">
      {d.recommendations.length ? d.recommendations.map((r) => (
        <section key={r.id} className="mc-insp-rec" aria-label={t('rec.title', { n: r.seq })} data-testid={`rec-${r.seq}`}>
          <Flex justify="space-between" gap={8} wrap align="flex-start">
            <Typography.Text strong>{t('rec.title', { n: r.seq })}</Typography.Text>
            <Flex gap={6} wrap><RecStatusTag status={r.status} /><RecClockTag clock={r.clock} closedOn={r.closedOn} /></Flex>
          </Flex>
          <p className="mc-insp-text" style={{ margin: '6px 0' }}>{r.text}</p>
          <Flex vertical gap={2}>
            <Muted>{t('rec.unit', { unit: r.responsibleUnitName })}</Muted>
            <Muted>
              {[t('rec.due', { date: formatDate(r.dueOn) }), r.dueWorkingDays ? t('rec.dueDays', { n: r.dueWorkingDays }) : null,
                r.clock.dueDay !== r.dueOn ? t('rec.movedDue', { date: formatDate(r.clock.dueDay) }) : null].filter(Boolean).join(' · ')}
            </Muted>
          </Flex>
          {r.updates.length ? (
            <div className="mc-insp-rec-row">
              <Typography.Text type="secondary">{t('rec.history')}</Typography.Text>
              <Timeline style={{ marginTop: 8 }} items={r.updates.map((u, i) => ({
                key: i,
                // Named colours follow the theme ("blue" is its red primary): the step's own colours, as the tags'.
                color: u.kind === 'accept' ? '#237804' : u.kind === 'return' ? '#a8071a' : '#0050b3',
                children: (
                  <div>
                    <Typography.Text strong>{t(`upd.${u.kind}`)}</Typography.Text>{' '}
                    <Muted>{[t('upd.on', { date: formatDate(u.on) }), u.actorName, formatDateTime(u.at)].join(' · ')}</Muted>
                    {u.text ? <div className="mc-insp-text">{u.text}</div> : null}
                  </div>
                ),
              }))} />
            </div>
          ) : null}
          {r.allowedActions.length ? (
            <div className="mc-insp-actions mc-insp-rec-row">
              {r.allowedActions.map((a) => (
                <Button key={a} size="small" type={a === 'accept' ? 'primary' : 'default'} onClick={() => setActing({ rec: r, action: a })}>{t(`act.${a}`)}</Button>
              ))}
            </div>
          ) : null}
        </section>
      )) : <Muted>{t('recs.empty')}</Muted>}
      {acting ? <RecommendationDialog d={d} rec={acting.rec} action={acting.action} onClose={() => setActing(null)} reload={reload} /> : null}
    </Card>
  );
}
