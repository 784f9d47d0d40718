import { useState } from 'react';
import { App, Form, Input, InputNumber, Modal, Radio, Select, Switch, Typography } from 'antd';
import { FileUploadField, type UploadedFile } from '../../directives/FileUploadField';
import { type EvidenceBody, type Sheet, type SheetNode, useSheetActions } from '../api-rounds';
import { useParRoundT } from '../i18n-rounds';
import { fmtPoints, Problem, useDialogSend } from './dialog';

export type LeafDialog = { kind: 'self' | 'evidence' | 'appraise' | 'request' | 'explain' | 'council'; code: string };
type Props = { sheet: Sheet; dialog: LeafDialog; onClose: () => void; reload: () => unknown };

/** The dialog of one action on one leaf; every action answers with the sheet, which replaces the one shown. */
export function LeafDialogs(props: Props) {
  const node = props.sheet.nodes.find((n) => n.code === props.dialog.code);
  if (!node) return null;
  switch (props.dialog.kind) {
    case 'self': return <SelfScoreDialog {...props} node={node} />;
    case 'evidence': return <EvidenceDialog {...props} node={node} />;
    case 'appraise': return <LayerDialog {...props} node={node} layer={node.can?.appraise ?? 'appraisal1'} />;
    case 'council': return <LayerDialog {...props} node={node} layer="council" />;
    case 'request': return <RequestDialog {...props} node={node} />;
    case 'explain': return <ExplainDialog {...props} node={node} />;
  }
}

type LeafProps = Props & { node: SheetNode };

function Dialog({ title, ok, loading, onOk, onClose, children }: { title: string; ok?: string; loading: boolean; onOk: () => void; onClose: () => void; children: React.ReactNode }) {
  const t = useParRoundT();
  return (
    <Modal open title={title} okText={ok ?? t('save')} cancelText={t('cancel')} onOk={onOk} onCancel={onClose} okButtonProps={{ loading }} destroyOnHidden width={620}>
      {children}
    </Modal>
  );
}

function LeafHeading({ node }: { node: SheetNode }) {
  return <Typography.Paragraph><strong>{node.code}</strong> {node.text} <Typography.Text type="secondary">({fmtPoints(node.maxPoints)})</Typography.Text></Typography.Paragraph>;
}

interface SelfValues { input?: number | boolean | null; explanation?: string }

/** The self-score, entered as the leaf's scoring type asks: points, done or not, a value against tiers, or a share in %. */
function SelfScoreDialog({ sheet, node, onClose, reload }: LeafProps) {
  const t = useParRoundT();
  const { message } = App.useApp();
  const [form] = Form.useForm<SelfValues>();
  const { selfScore } = useSheetActions(sheet.round.id, sheet.unit.id);
  const { problem, run } = useDialogSend(form, onClose, reload);
  const scoring = node.scoring;
  const kind = scoring?.kind ?? 'manual';
  const stored = node.selfInput ?? null;
  const initial = kind === 'ratio' && typeof stored === 'number' ? Math.round(stored * 10000) / 100 : kind === 'binary' ? stored === true : stored;
  const send = (v: SelfValues) => run(async () => {
    let input: number | boolean | null = v.input ?? null;
    if (kind === 'ratio' && typeof input === 'number') input = input / 100;
    if (kind === 'binary') input = v.input === true;
    await selfScore.mutateAsync({ code: node.code, body: { version: sheet.version, input, explanation: v.explanation?.trim() || null } });
    void message.success(t('self.saved'));
  });
  const label = kind === 'binary' ? t('self.done') : kind === 'tiered' ? t('self.value') : kind === 'ratio' ? t('self.ratio') : t('self.points', { max: fmtPoints(node.maxPoints) });
  return (
    <Dialog title={t('self.title', { code: node.code })} loading={selfScore.isPending} onOk={() => form.submit()} onClose={onClose}>
      <LeafHeading node={node} />
      <Form<SelfValues> form={form} layout="vertical" onFinish={(v) => void send(v)} initialValues={{ input: initial, explanation: node.layers?.self?.reason ?? '' }}>
        {kind === 'binary' ? (
          <Form.Item name="input" label={label} valuePropName="checked"><Switch aria-label={label} /></Form.Item>
        ) : (
          <Form.Item name="input" label={label} rules={[{ required: true, message: t('required') }]}
            extra={scoring?.kind === 'tiered' ? t('self.tiers', { tiers: scoring.tiers.map((x) => `${scoring.better === 'higher' ? '≥' : '≤'} ${fmtPoints(x.threshold)}: ${fmtPoints(x.points)}`).join('; ') })
              : scoring?.kind === 'ratio' && scoring.target !== undefined ? t('self.target', { target: fmtPoints(scoring.target * 100) }) : undefined}>
            <InputNumber min={0} max={kind === 'ratio' ? 100 : kind === 'tiered' ? undefined : node.maxPoints} step={kind === 'ratio' ? 1 : 0.25} style={{ width: 200 }} aria-label={label} />
          </Form.Item>
        )}
        <Form.Item name="explanation" label={t('self.explanation')}>
          <Input.TextArea rows={4} maxLength={4000} aria-label={t('self.explanation')} />
        </Form.Item>
        <Problem text={problem} />
      </Form>
    </Dialog>
  );
}

interface LayerValues { points: number | null; reason: string }

/** An appraisal round's or the council's points with the reason. */
function LayerDialog({ sheet, node, layer, onClose, reload }: LeafProps & { layer: 'appraisal1' | 'appraisal2' | 'council' }) {
  const t = useParRoundT();
  const { message } = App.useApp();
  const [form] = Form.useForm<LayerValues>();
  const actions = useSheetActions(sheet.round.id, sheet.unit.id);
  const { problem, run } = useDialogSend(form, onClose, reload);
  const existing = node.layers?.[layer];
  const send = (v: LayerValues) => run(async () => {
    await actions.layer.mutateAsync({ code: node.code, layer, body: { version: sheet.version, points: v.points ?? null, reason: v.reason } });
    void message.success(t('layer.saved'));
  });
  const pointsLabel = t('layer.points', { max: fmtPoints(node.maxPoints) });
  return (
    <Dialog title={t('layer.title', { layer: t(`layer.${layer}`), code: node.code })} loading={actions.layer.isPending} onOk={() => form.submit()} onClose={onClose}>
      <LeafHeading node={node} />
      <Form<LayerValues> form={form} layout="vertical" onFinish={(v) => void send(v)}
        initialValues={{ points: existing?.points ?? node.counts?.points ?? null, reason: existing?.reason ?? '' }}>
        <Form.Item name="points" label={pointsLabel} rules={[{ required: true, message: t('required') }]}>
          <InputNumber min={0} max={node.maxPoints} step={0.25} style={{ width: 200 }} aria-label={pointsLabel} />
        </Form.Item>
        <Form.Item name="reason" label={t('layer.reason')} rules={[{ required: true, min: 2, message: t('required') }]}>
          <Input.TextArea rows={4} maxLength={4000} aria-label={t('layer.reason')} />
        </Form.Item>
        <Problem text={problem} />
      </Form>
    </Dialog>
  );
}

function RequestDialog({ sheet, node, onClose, reload }: LeafProps) {
  const t = useParRoundT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ request: string }>();
  const actions = useSheetActions(sheet.round.id, sheet.unit.id);
  const { problem, run } = useDialogSend(form, onClose, reload);
  const send = (v: { request: string }) => run(async () => {
    await actions.requestExplanation.mutateAsync({ code: node.code, body: v });
    void message.success(t('request.saved'));
  });
  return (
    <Dialog title={t('request.title', { code: node.code })} loading={actions.requestExplanation.isPending} onOk={() => form.submit()} onClose={onClose}>
      <LeafHeading node={node} />
      <Form form={form} layout="vertical" onFinish={(v) => void send(v)} initialValues={{ request: node.explanation?.request ?? '' }}>
        <Form.Item name="request" label={t('request.text')} rules={[{ required: true, min: 2, message: t('required') }]}>
          <Input.TextArea rows={4} maxLength={4000} aria-label={t('request.text')} />
        </Form.Item>
        <Problem text={problem} />
      </Form>
    </Dialog>
  );
}

function ExplainDialog({ sheet, node, onClose, reload }: LeafProps) {
  const t = useParRoundT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ answer: string; points?: number | null }>();
  const actions = useSheetActions(sheet.round.id, sheet.unit.id);
  const { problem, run } = useDialogSend(form, onClose, reload);
  const send = (v: { answer: string; points?: number | null }) => run(async () => {
    await actions.explain.mutateAsync({ code: node.code, body: { version: sheet.version, answer: v.answer, points: v.points ?? null } });
    void message.success(t('explain.saved'));
  });
  const pointsLabel = t('explain.points', { max: fmtPoints(node.maxPoints) });
  return (
    <Dialog title={t('explain.title', { code: node.code })} loading={actions.explain.isPending} onOk={() => form.submit()} onClose={onClose}>
      <LeafHeading node={node} />
      {node.explanation ? <Typography.Paragraph type="warning" className="mc-par-text">{t('leaf.request', { text: node.explanation.request })}</Typography.Paragraph> : null}
      <Form form={form} layout="vertical" onFinish={(v) => void send(v)}
        initialValues={{ answer: node.explanation?.answer ?? '', points: node.layers?.explanation?.points ?? null }}>
        <Form.Item name="answer" label={t('explain.answer')} rules={[{ required: true, min: 2, message: t('required') }]}>
          <Input.TextArea rows={4} maxLength={4000} aria-label={t('explain.answer')} />
        </Form.Item>
        <Form.Item name="points" label={pointsLabel}>
          <InputNumber min={0} max={node.maxPoints} step={0.25} style={{ width: 200 }} aria-label={pointsLabel} />
        </Form.Item>
        <Problem text={problem} />
      </Form>
    </Dialog>
  );
}

interface EvidenceValues { kind: 'file' | 'link' | 'record'; title: string; url?: string; section?: string; page?: string; recordKind?: 'directive_task' | 'procedure' | 'report' | 'registry_document'; recordRef?: string }

/** Evidence: a file stored first (POST /files) and named by key, a link, or a record already in the system. */
function EvidenceDialog({ sheet, node, onClose, reload }: LeafProps) {
  const t = useParRoundT();
  const { message } = App.useApp();
  const [form] = Form.useForm<EvidenceValues>();
  const actions = useSheetActions(sheet.round.id, sheet.unit.id);
  const { problem, run } = useDialogSend(form, onClose, reload);
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [fileMissing, setFileMissing] = useState(false);
  const kind = Form.useWatch('kind', form) ?? 'file';
  const send = (v: EvidenceValues) => {
    const where = { section: v.section?.trim() || null, page: v.page?.trim() || null };
    let body: EvidenceBody;
    if (v.kind === 'file') {
      const f = files[0];
      if (!f) { setFileMissing(true); return; }
      body = { kind: 'file', title: v.title, fileKey: f.key, fileName: f.name, ...where };
    } else if (v.kind === 'link') body = { kind: 'link', title: v.title, url: v.url ?? '', ...where };
    else body = { kind: 'record', title: v.title, recordKind: v.recordKind ?? 'report', recordRef: v.recordRef ?? '' };
    void run(async () => {
      await actions.addEvidence.mutateAsync({ code: node.code, body });
      void message.success(t('ev.saved'));
    });
  };
  const required = [{ required: true, message: t('required') }];
  return (
    <Dialog title={t('ev.title', { code: node.code })} loading={actions.addEvidence.isPending || busy} onOk={() => form.submit()} onClose={onClose}>
      <LeafHeading node={node} />
      {node.evidenceRequired ? <Typography.Paragraph type="secondary">{t('leaf.evidenceRequired', { text: node.evidenceRequired })}</Typography.Paragraph> : null}
      <Form<EvidenceValues> form={form} layout="vertical" onFinish={send} initialValues={{ kind: 'file', recordKind: 'directive_task' }}>
        <Form.Item name="kind" label={t('ev.kind')}>
          <Radio.Group options={(['file', 'link', 'record'] as const).map((k) => ({ value: k, label: t(`ev.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('ev.docTitle')} rules={[...required, { min: 2, message: t('required') }]}>
          <Input maxLength={500} />
        </Form.Item>
        {kind === 'file' ? (
          <Form.Item label={t('ev.file')} validateStatus={fileMissing ? 'error' : undefined} help={fileMissing ? t('ev.fileRequired') : undefined}>
            <FileUploadField maxCount={1} label={t('ev.attach')} onBusy={setBusy} onChange={(f) => { setFiles(f); if (f.length) setFileMissing(false); }} />
          </Form.Item>
        ) : null}
        {kind === 'link' ? <Form.Item name="url" label={t('ev.url')} rules={required}><Input maxLength={2000} placeholder="https://" /></Form.Item> : null}
        {kind === 'record' ? (
          <>
            <Form.Item name="recordKind" label={t('ev.recordKind')} rules={required}>
              <Select aria-label={t('ev.recordKind')} options={(['directive_task', 'procedure', 'report', 'registry_document'] as const).map((k) => ({ value: k, label: t(`evidence.record.${k}`) }))} />
            </Form.Item>
            <Form.Item name="recordRef" label={t('ev.recordRef')} rules={required}><Input maxLength={100} /></Form.Item>
          </>
        ) : (
          <div style={{ display: 'flex', gap: 12 }}>
            <Form.Item name="section" label={t('ev.section')} style={{ flex: 2 }}><Input maxLength={200} /></Form.Item>
            <Form.Item name="page" label={t('ev.page')} style={{ flex: 1 }}><Input maxLength={50} /></Form.Item>
          </div>
        )}
        <Problem text={problem} />
      </Form>
    </Dialog>
  );
}
