import { useMemo, useState } from 'react';
import { App, Button, Flex, Form, Input, InputNumber, Modal, Radio, Select, Switch, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type Board, type BoardParticipant, COUNCIL_ROLES, type CouncilRole, type Stage, type StaffOption, useAdvance, useCorrect, usePublish, useSetCouncil, useSetFacts, useStaffSearch, useVote,
} from '../api-rounds';
import { useParRoundT } from '../i18n-rounds';
import { DateField, Problem, useDialogSend } from './dialog';

type Props = { board: Board; onClose: () => void; reload: () => unknown };

/** Moves the round one stage on; the explanation stage asks for its deadline in working days. */
export function AdvanceDialog({ board, to, onClose, reload }: Props & { to: Stage }) {
  const t = useParRoundT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ explanationDeadlineWorkingDays?: number }>();
  const advance = useAdvance(board.round.id);
  const { problem, run } = useDialogSend(form, onClose, reload);
  if (to === 'approved' || to === 'published' || to === 'self_assessment') return null;
  const send = (v: { explanationDeadlineWorkingDays?: number }) => run(async () => {
    await advance.mutateAsync({ version: board.round.version, stage: to, ...(to === 'explanation' ? { explanationDeadlineWorkingDays: v.explanationDeadlineWorkingDays } : {}) });
    void message.success(t('advance.done', { stage: t(`stage.${to}`) }));
  });
  return (
    <Modal open title={t('advance.title')} okText={t('advance.ok')} cancelText={t('cancel')} onOk={() => form.submit()} onCancel={onClose}
      okButtonProps={{ loading: advance.isPending }} destroyOnHidden>
      <Typography.Paragraph>{t('advance.confirm', { from: t(`stage.${board.round.stage}`), to: t(`stage.${to}`) })}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void send(v)} initialValues={{ explanationDeadlineWorkingDays: 5 }}>
        {to === 'explanation' ? (
          <Form.Item name="explanationDeadlineWorkingDays" label={t('advance.explanationDays')} rules={[{ required: true, message: t('required') }]}>
            <InputNumber min={1} max={60} style={{ width: 160 }} aria-label={t('advance.explanationDays')} />
          </Form.Item>
        ) : null}
        <Problem text={problem} />
      </Form>
    </Modal>
  );
}

interface CouncilValues { members: { staffId?: number; role: CouncilRole }[] }

/** The appraisal council: staff picked from the staff list the caller may read, each with a role. */
export function CouncilDialog({ board, onClose, reload }: Props) {
  const t = useParRoundT();
  const { message } = App.useApp();
  const [form] = Form.useForm<CouncilValues>();
  const save = useSetCouncil(board.round.id);
  const { problem, run } = useDialogSend(form, onClose, reload);
  const [q, setQ] = useState('');
  const found = useStaffSearch(board.round.id, q);
  // Labels of everyone offered so far, so a chosen member keeps its name when the search moves on.
  const [known, setKnown] = useState<Map<number, string>>(() => new Map(board.council.map((m) => [m.staffId, m.position ? `${m.name} — ${m.position}` : m.name])));
  const label = (s: StaffOption) => [s.fullName, s.position, s.unitName].filter(Boolean).join(' — ');
  const options = useMemo(() => {
    const map = new Map(known);
    for (const s of found.data ?? []) map.set(s.id, label(s));
    return [...map.entries()].map(([value, text]) => ({ value, label: text }));
  }, [known, found.data]);
  const send = (v: CouncilValues) => run(async () => {
    await save.mutateAsync({ version: board.round.version, members: v.members.filter((m) => m.staffId).map((m) => ({ staffId: m.staffId!, role: m.role })) });
    void message.success(t('council.done'));
  });
  const initial: CouncilValues = {
    members: board.council.length ? board.council.map((m) => ({ staffId: m.staffId, role: m.role }))
      : [{ role: 'chair' }, { role: 'member' }, { role: 'member' }, { role: 'secretary' }],
  };
  return (
    <Modal open title={t('council.title')} okText={t('council.ok')} cancelText={t('cancel')} onOk={() => form.submit()} onCancel={onClose}
      okButtonProps={{ loading: save.isPending }} destroyOnHidden width={720}>
      <Typography.Paragraph type="secondary">{t('council.hint')}</Typography.Paragraph>
      <Form<CouncilValues> form={form} layout="vertical" onFinish={(v) => void send(v)} initialValues={initial}>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Flex key={field.key} gap={8} align="flex-start">
                  <Form.Item name={[field.name, 'staffId']} rules={[{ required: true, message: t('required') }]} style={{ flex: 1, marginBottom: 8 }}>
                    <Select aria-label={t('council.staff', { n: i + 1 })} placeholder={t('council.search')} showSearch={{ filterOption: false, onSearch: setQ }}
                      options={options} loading={found.isFetching}
                      onChange={(id: number) => { const o = options.find((x) => x.value === id); if (o) setKnown((m) => new Map(m).set(id, o.label)); }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'role']} rules={[{ required: true, message: t('required') }]} style={{ width: 170, marginBottom: 8 }}>
                    <Select aria-label={t('council.role', { n: i + 1 })} options={COUNCIL_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('council.remove', { n: i + 1 })} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ role: 'member' })} style={{ marginBottom: 12 }}>{t('council.add')}</Button>
            </>
          )}
        </Form.List>
        <Problem text={problem} />
      </Form>
    </Modal>
  );
}

/** A council member's vote on the final scores. */
export function VoteDialog({ board, onClose, reload }: Props) {
  const t = useParRoundT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ vote: 'approve' | 'reject'; note?: string }>();
  const vote = useVote(board.round.id);
  const { problem, run } = useDialogSend(form, onClose, reload);
  const send = (v: { vote: 'approve' | 'reject'; note?: string }) => run(async () => {
    const after = await vote.mutateAsync({ vote: v.vote, note: v.note?.trim() || null });
    void message.success(t(after.approvedNow ? 'vote.approvedNow' : 'vote.done'));
  });
  return (
    <Modal open title={t('vote.title')} okText={t('vote.ok')} cancelText={t('cancel')} onOk={() => form.submit()} onCancel={onClose}
      okButtonProps={{ loading: vote.isPending }} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void send(v)} initialValues={{ vote: 'approve' }}>
        <Form.Item name="vote" label={t('vote.choice')} rules={[{ required: true, message: t('required') }]}>
          <Radio.Group options={[{ value: 'approve', label: t('vote.approve') }, { value: 'reject', label: t('vote.reject') }]} />
        </Form.Item>
        <Form.Item name="note" label={t('vote.note')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Problem text={problem} />
      </Form>
    </Modal>
  );
}

interface PublishValues { decisionNumber: string; decisionDate: string; signer: string }

/** Publishes the approved results by the People's Committee's decision. */
export function PublishDialog({ board, onClose, reload }: Props) {
  const t = useParRoundT();
  const { message } = App.useApp();
  const [form] = Form.useForm<PublishValues>();
  const publish = usePublish(board.round.id);
  const { problem, run } = useDialogSend(form, onClose, reload);
  const send = (v: PublishValues) => run(async () => {
    await publish.mutateAsync({ version: board.round.version, ...v });
    void message.success(t('publish.done'));
  });
  const required = [{ required: true, message: t('required') }];
  return (
    <Modal open title={t('publish.title')} okText={t('publish.ok')} cancelText={t('cancel')} onOk={() => form.submit()} onCancel={onClose}
      okButtonProps={{ loading: publish.isPending }} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('publish.hint')}</Typography.Paragraph>
      <Form<PublishValues> form={form} layout="vertical" onFinish={(v) => void send(v)}>
        <Form.Item name="decisionNumber" label={t('decision.number')} rules={required}><Input maxLength={60} placeholder="123/QĐ-UBND" /></Form.Item>
        <DateField name="decisionDate" label={t('decision.date')} required={t('required')} />
        <Form.Item name="signer" label={t('decision.signer')} rules={required}><Input maxLength={200} /></Form.Item>
        <Problem text={problem} />
      </Form>
    </Modal>
  );
}

interface CorrectionValues { decisionNumber: string; decisionDate: string; signer?: string; reason: string; unitId: number; code: string; points: number }

/** After publication a score changes only by a recorded correction decision. */
export function CorrectionDialog({ board, onClose, reload }: Props) {
  const t = useParRoundT();
  const { message } = App.useApp();
  const [form] = Form.useForm<CorrectionValues>();
  const correct = useCorrect(board.round.id);
  const { problem, run } = useDialogSend(form, onClose, reload);
  const send = (v: CorrectionValues) => run(async () => {
    await correct.mutateAsync({ ...v, signer: v.signer?.trim() || null });
    void message.success(t('correct.done'));
  });
  const required = [{ required: true, message: t('required') }];
  return (
    <Modal open title={t('correct.title')} okText={t('correct.ok')} cancelText={t('cancel')} onOk={() => form.submit()} onCancel={onClose}
      okButtonProps={{ loading: correct.isPending }} destroyOnHidden width={640}>
      <Form<CorrectionValues> form={form} layout="vertical" onFinish={(v) => void send(v)}>
        <Form.Item name="unitId" label={t('correct.unit')} rules={required}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={board.participants.map((p) => ({ value: p.unitId, label: p.unitName }))} aria-label={t('correct.unit')} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="code" label={t('correct.code')} rules={required} style={{ flex: 1 }}><Input maxLength={20} /></Form.Item>
          <Form.Item name="points" label={t('correct.points')} rules={required} style={{ flex: 1 }}>
            <InputNumber min={0} max={1000} step={0.25} style={{ width: '100%' }} aria-label={t('correct.points')} />
          </Form.Item>
        </Flex>
        <Form.Item name="reason" label={t('correct.reason')} rules={required}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="decisionNumber" label={t('decision.number')} rules={required} style={{ flex: '1 1 180px' }}><Input maxLength={60} /></Form.Item>
          <div style={{ flex: '1 1 180px' }}><DateField name="decisionDate" label={t('decision.date')} required={t('required')} /></div>
          <Form.Item name="signer" label={t('decision.signer')} style={{ flex: '1 1 180px' }}><Input maxLength={200} /></Form.Item>
        </Flex>
        <Problem text={problem} />
      </Form>
    </Modal>
  );
}

/**
 * The facts a unit's set reads (has procedures, has public service units…), declared by the organiser:
 * a criterion whose fact is not declared stays in the unit's denominator (docs/PAR.md).
 */
export function FactsDialog({ board, participant, onClose, reload }: Props & { participant: BoardParticipant }) {
  const t = useParRoundT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, boolean>>();
  const save = useSetFacts(board.round.id, participant.unitId);
  const { problem, run } = useDialogSend(form, onClose, reload);
  const initial = Object.fromEntries(participant.factsUsed.map((f) => [f, participant.facts[f] === true]));
  const send = (v: Record<string, boolean>) => run(async () => {
    await save.mutateAsync({ ...participant.facts, ...Object.fromEntries(participant.factsUsed.map((f) => [f, v[f] === true])) });
    void message.success(t('facts.done'));
  });
  return (
    <Modal open title={t('facts.title', { unit: participant.unitName })} okText={t('save')} cancelText={t('cancel')} onOk={() => form.submit()} onCancel={onClose}
      okButtonProps={{ loading: save.isPending }} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('facts.hint')}</Typography.Paragraph>
      <Form form={form} layout="horizontal" initialValues={initial} onFinish={send}>
        {participant.factsUsed.map((f) => (
          <Form.Item key={f} name={f} label={factLabel(t, f)} valuePropName="checked">
            <Switch aria-label={f} />
          </Form.Item>
        ))}
      </Form>
      <Problem text={problem} />
    </Modal>
  );
}

const KNOWN_FACTS = ['hasProcedures', 'hasPublicServiceUnits'] as const;
/** A fact's words where the app knows them; a fact a province invents shows by its name. */
export function factLabel(t: ReturnType<typeof useParRoundT>, fact: string): string {
  return (KNOWN_FACTS as readonly string[]).includes(fact) ? t(`fact.${fact as (typeof KNOWN_FACTS)[number]}`) : fact;
}
