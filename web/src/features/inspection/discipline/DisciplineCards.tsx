import { Alert, Card, Descriptions, Flex, List, Typography } from 'antd';
import { EyeInvisibleOutlined } from '@ant-design/icons';
import { formatDate } from '../../../shared/format';
import { useLocale } from '../../../shared/i18n';
import { type DisciplineDetail, type Form, STEP_ORDER, type StepName } from '../api-discipline';
import { useDisciplineT, useInspectionT } from '../i18n';
import { ClockTag, Muted } from '../ui';
import { Validity, useDisciplineClockLabel } from './DisciplineTags';

/** The limitation and the time to decide: the two clocks the whole case runs against. */
export function ClocksCard({ d }: { d: DisciplineDetail }) {
  const t = useDisciplineT();
  const locale = useLocale();
  const label = useDisciplineClockLabel();
  const main = d.clocks.filter((c) => c.name === 'limitation' || c.name === 'time_limit');
  return (
    <Card size="small" title={t('clocks.title')}>
      <List size="small" dataSource={main} data-testid="discipline-clocks" renderItem={(c) => (
        <List.Item>
          <Flex justify="space-between" gap={8} wrap style={{ width: '100%' }}>
            <Typography.Text strong>{label(c, locale)}</Typography.Text>
            <ClockTag clock={c} label={label(c, locale)} />
          </Flex>
        </List.Item>
      )} />
    </Card>
  );
}

const STEP_CLOCK: Partial<Record<StepName | 'council_set_up' | 'decision', string>> = {
  review_report: 'review_report', council_set_up: 'council_set_up', summons: 'summons', recommendation: 'recommendation', decision: 'decision',
};
const STEP_KEY: Record<StepName | 'council_set_up', keyof DisciplineDetail['steps']> = {
  notice: 'notice', review_meeting: 'reviewMeeting', review_report: 'reviewReport', council_set_up: 'councilSetUp', summons: 'summons', council_meeting: 'councilMeeting', recommendation: 'recommendation',
};

/** Each step of arts 16–21 with its day, and the timer that runs to it once the step before is recorded. */
export function StepsCard({ d }: { d: DisciplineDetail }) {
  const t = useDisciplineT();
  const locale = useLocale();
  const label = useDisciplineClockLabel();
  const order: (StepName | 'council_set_up' | 'decision')[] = [...STEP_ORDER.slice(0, 3), 'council_set_up', ...STEP_ORDER.slice(3), 'decision'];
  return (
    <Card size="small" title={t('steps.title')}>
      <List size="small" dataSource={order} data-testid="discipline-steps" renderItem={(s) => {
        const day = s === 'decision' ? d.decision?.decisionDate ?? null : d.steps[STEP_KEY[s]];
        const clock = d.clocks.find((c) => c.name === STEP_CLOCK[s]);
        return (
          <List.Item>
            <Flex justify="space-between" gap={8} wrap style={{ width: '100%' }}>
              <span>
                <Typography.Text strong={!!day}>{t(`step.${s}`)}</Typography.Text>
                <br />
                {day ? <span>{formatDate(day)}</span> : <Muted>{t('step.notDone')}</Muted>}
              </span>
              {clock ? <ClockTag clock={clock} label={label(clock, locale)} /> : null}
            </Flex>
          </List.Item>
        );
      }} />
    </Card>
  );
}

export function DeferralsCard({ d }: { d: DisciplineDetail }) {
  const t = useDisciplineT();
  if (!d.deferrals.length) return null;
  return (
    <Card size="small" title={t('deferrals.title')}>
      <List size="small" dataSource={d.deferrals} renderItem={(x) => (
        <List.Item>
          <span>
            <Typography.Text strong>{t(`reason.${x.reason}`)}</Typography.Text>
            <br />
            {x.to ? t('deferrals.range', { from: formatDate(x.from), to: formatDate(x.to) }) : <Typography.Text type="warning">{t('deferrals.open', { from: formatDate(x.from) })}</Typography.Text>}
            {x.note ? <div className="mc-insp-text"><Muted>{x.note}</Muted></div> : null}
          </span>
        </List.Item>
      )} />
    </Card>
  );
}

export function CouncilCard({ d }: { d: DisciplineDetail }) {
  const t = useDisciplineT();
  return (
    <Card size="small" title={t('council.title')}>
      {d.council.length ? (
        <List size="small" dataSource={d.council} data-testid="discipline-council" renderItem={(m) => (
          <List.Item><span>{m.fullName}</span><Muted>{t(`role.${m.role}`)}</Muted></List.Item>
        )} />
      ) : <Muted>{t('council.empty')}</Muted>}
    </Card>
  );
}

/** The secret ballot and the minutes, only when the API gives them (never to the person under discipline). */
export function BallotCard({ d }: { d: DisciplineDetail }) {
  const t = useDisciplineT();
  if (d.deliberationsHidden) {
    return (
      <Card size="small" title={t('ballot.title')}>
        <Alert type="info" showIcon icon={<EyeInvisibleOutlined aria-hidden />} title={t('ballot.hidden')} data-testid="ballot-hidden" />
      </Card>
    );
  }
  const x = d.deliberations;
  if (!x) return d.steps.councilMeeting ? <Card size="small" title={t('ballot.title')}><Muted>{t('ballot.none')}</Muted></Card> : null;
  const forms = Object.entries(x.ballot.forms).filter(([, n]) => (n ?? 0) > 0) as [Form, number][];
  return (
    <Card size="small" title={t('ballot.title')} data-testid="ballot">
      <Descriptions size="small" column={1} className="mc-insp-facts-1" items={[
        { key: 'yes', label: t('ballot.vote'), children: t('ballot.discipline', { yes: x.ballot.yes, no: x.ballot.no, present: x.ballot.present }) },
        ...(forms.length ? [{ key: 'forms', label: t('ballot.forms'), children: forms.map(([f, n]) => `${t(`form.${f}`)}: ${n}`).join('; ') }] : []),
        ...(d.recommendedForm ? [{ key: 'rec', label: t('ballot.recommended'), children: <Typography.Text strong>{t(`form.${d.recommendedForm}`)}</Typography.Text> }] : []),
        ...(x.minutes ? [{ key: 'minutes', label: t('ballot.minutes'), children: <p className="mc-insp-text">{x.minutes}</p> }] : []),
      ]} />
    </Card>
  );
}

export function DecisionCard({ d }: { d: DisciplineDetail }) {
  const t = useDisciplineT();
  const ti = useInspectionT();
  if (d.status === 'closed') {
    return <Card size="small" title={t('decision.title')}><Typography.Text>{t('decision.closed', { date: formatDate(d.closedOn), reason: d.closedReason ?? '' })}</Typography.Text></Card>;
  }
  const x = d.decision;
  if (!x) return null;
  return (
    <Card size="small" title={t('decision.title')} data-testid="decision">
      <Descriptions size="small" column={1} className="mc-insp-facts-1" items={[
        { key: 'form', label: t('decision.form'), children: <Typography.Text strong>{t(`form.${x.form}`)}</Typography.Text> },
        { key: 'doc', label: t('decision.document'), children: t('decision.documentValue', { no: x.decisionNo, date: formatDate(x.decisionDate) }) },
        { key: 'eff', label: t('decision.effective'), children: formatDate(x.effectiveOn) },
        ...(x.partyDecisionEffectiveOn ? [{ key: 'party', label: t('decision.partyEffective'), children: formatDate(x.partyDecisionEffectiveOn) }] : []),
        { key: 'validity', label: t('decision.validity'), children: x.lapsesOn ? <Validity decision={x} /> : ti('none') },
      ]} />
    </Card>
  );
}
