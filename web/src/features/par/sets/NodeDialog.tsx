import { useEffect } from 'react';
import { Alert, Button, Checkbox, Flex, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { COMPUTED_SOURCES } from '../../../../../src/modules/par/labels';
import { normalizeForSearch } from '../../../../../src/modules/catalog/rules/search';
import type { Agency, Applicability, CriterionNode, FactValue, RatioRule, Scoring, ScoringKind, TieredRule } from '../api-sets';
import { useParSetT } from '../i18n-sets';
import { sourceName } from './describe';

const KINDS: ScoringKind[] = ['manual', 'binary', 'tiered', 'ratio', 'computed', 'survey', 'bonus', 'penalty'];
type ApplicabilityMode = 'always' | 'fact' | 'keep';
type FactValueMode = 'true' | 'false' | 'other';

export interface NodeValues {
  code: string;
  text: string;
  maxPoints: number;
  maxNotSumOfChildren?: boolean;
  kind?: ScoringKind;
  better?: 'higher' | 'lower';
  tiers?: { threshold?: number; points?: number }[];
  /** The ratio's target as a percentage (the tree keeps a share 0–1). */
  targetPercent?: number | null;
  source?: string;
  conversion?: 'ratio' | 'tiered';
  evidence?: string;
  appraisingUnitId?: number | null;
  applicability: ApplicabilityMode;
  fact?: string;
  factValue?: FactValueMode;
  factOther?: string;
}

function toValues(node: CriterionNode): NodeValues {
  const s = node.scoring;
  const rule: TieredRule | RatioRule | undefined = s?.kind === 'tiered' || s?.kind === 'ratio' ? s : s?.kind === 'computed' ? s.conversion : undefined;
  const a = node.applicability;
  return {
    code: node.code,
    text: node.text,
    maxPoints: node.maxPoints,
    maxNotSumOfChildren: node.maxNotSumOfChildren ?? false,
    kind: s?.kind,
    better: rule?.kind === 'tiered' ? rule.better : 'higher',
    tiers: rule?.kind === 'tiered' ? rule.tiers.map((x) => ({ ...x })) : [{}],
    targetPercent: rule?.kind === 'ratio' && rule.target !== undefined ? Number((rule.target * 100).toFixed(4)) : null,
    source: s?.kind === 'computed' ? s.source : COMPUTED_SOURCES[0],
    conversion: rule?.kind ?? 'ratio',
    evidence: node.evidence ?? '',
    appraisingUnitId: node.appraisingUnitId ?? null,
    applicability: !a || a.kind === 'always' ? 'always' : a.kind === 'fact' ? 'fact' : 'keep',
    fact: a?.kind === 'fact' ? a.fact : '',
    factValue: a?.kind === 'fact' ? (a.equals === true ? 'true' : a.equals === false ? 'false' : 'other') : 'true',
    factOther: a?.kind === 'fact' && typeof a.equals !== 'boolean' ? String(a.equals) : '',
  };
}

function ruleOf(v: NodeValues, kind: 'ratio' | 'tiered'): TieredRule | RatioRule {
  if (kind === 'tiered') {
    return { kind: 'tiered', better: v.better ?? 'higher', tiers: (v.tiers ?? []).filter((x) => x.threshold !== undefined && x.points !== undefined).map((x) => ({ threshold: x.threshold!, points: x.points! })) };
  }
  return v.targetPercent === null || v.targetPercent === undefined ? { kind: 'ratio' } : { kind: 'ratio', target: v.targetPercent / 100 };
}

function scoringOf(v: NodeValues): Scoring | undefined {
  switch (v.kind) {
    case undefined:
      return undefined;
    case 'tiered':
    case 'ratio':
      return ruleOf(v, v.kind);
    case 'computed':
      return { kind: 'computed', source: v.source ?? COMPUTED_SOURCES[0], conversion: ruleOf(v, v.conversion ?? 'ratio') };
    default:
      return { kind: v.kind };
  }
}

/** "123" and "1,5" are numbers, anything else text: facts are declared as booleans, numbers or words. */
function factValueOf(v: NodeValues): FactValue {
  if (v.factValue === 'true') return true;
  if (v.factValue === 'false') return false;
  const raw = (v.factOther ?? '').trim();
  return /^-?\d+([.,]\d+)?$/.test(raw) ? Number(raw.replace(',', '.')) : raw;
}

/** The node the form describes; children, and a combined applicability rule kept as is, come from the original. */
export function nodeOf(v: NodeValues, original: CriterionNode | null, leaf: boolean): CriterionNode {
  const applicability: Applicability | undefined = v.applicability === 'fact' ? { kind: 'fact', fact: (v.fact ?? '').trim(), equals: factValueOf(v) }
    : v.applicability === 'keep' ? original?.applicability : undefined;
  const evidence = v.evidence?.trim();
  const scoring = leaf ? scoringOf(v) : undefined;
  return {
    code: v.code.trim(),
    text: v.text.trim(),
    maxPoints: v.maxPoints,
    ...(scoring ? { scoring } : {}),
    ...(original?.children?.length ? { children: original.children } : {}),
    ...(applicability ? { applicability } : {}),
    ...(evidence ? { evidence } : {}),
    ...(v.appraisingUnitId ? { appraisingUnitId: v.appraisingUnitId } : {}),
    ...(!leaf && v.maxNotSumOfChildren ? { maxNotSumOfChildren: true } : {}),
  };
}

interface Props {
  open: boolean;
  title: string;
  /** The node being edited, or a new node's starting values. */
  node: CriterionNode;
  /** A new node, or one without children: scored itself. */
  leaf: boolean;
  agencies: Agency[];
  saving: boolean;
  onSave: (node: CriterionNode) => void;
  onClose: () => void;
}

/** Edits one node of the tree: its words, maximum, scoring type with parameters, evidence, appraising unit and applicability. */
export function NodeDialog({ open, title, node, leaf, agencies, saving, onSave, onClose }: Props) {
  const t = useParSetT();
  const [form] = Form.useForm<NodeValues>();
  useEffect(() => {
    if (open) form.setFieldsValue(toValues(node));
  }, [open, node, form]);
  const kind = Form.useWatch('kind', form);
  const conversion = Form.useWatch('conversion', form);
  const applicability = Form.useWatch('applicability', form);
  const factValue = Form.useWatch('factValue', form);
  const rule = kind === 'tiered' || kind === 'ratio' ? kind : kind === 'computed' ? conversion : undefined;
  const required = [{ required: true, message: t('required') }];
  const complex = node.applicability && node.applicability.kind !== 'always' && node.applicability.kind !== 'fact';

  return (
    <Modal open={open} title={title} okText={t('save')} cancelText={t('cancel')} onOk={() => form.submit()} onCancel={onClose}
      okButtonProps={{ loading: saving }} width={760} destroyOnHidden forceRender>
      <Form<NodeValues> form={form} layout="vertical" onFinish={(v) => onSave(nodeOf(v, node, leaf))}>
        <Flex gap={12} wrap>
          <Form.Item name="code" label={t('dialog.code')} extra={t('dialog.codeHint')} rules={required} style={{ flex: '0 0 200px' }}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="maxPoints" label={t('dialog.max')} rules={required} style={{ flex: '0 0 160px' }}>
            <InputNumber min={0} max={1000} step={0.25} decimalSeparator="," style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="text" label={t('dialog.text')} rules={required}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        {leaf ? (
          <>
            <Form.Item name="kind" label={t('dialog.kind')} rules={required}>
              <Select options={KINDS.map((k) => ({ value: k, label: t(`scoring.${k}`) }))} />
            </Form.Item>
            {kind === 'computed' ? (
              <Flex gap={12} wrap>
                <Form.Item name="source" label={t('dialog.source')} rules={required} style={{ flex: '1 1 320px' }}>
                  <Select options={COMPUTED_SOURCES.map((s) => ({ value: s, label: sourceName(s, t) }))} />
                </Form.Item>
                <Form.Item name="conversion" label={t('dialog.conversion')} style={{ flex: '0 0 200px' }}>
                  <Select options={(['ratio', 'tiered'] as const).map((k) => ({ value: k, label: t(`scoring.${k}`) }))} />
                </Form.Item>
              </Flex>
            ) : null}
            {rule === 'ratio' ? (
              <Form.Item name="targetPercent" label={t('dialog.target')} extra={t('dialog.targetHint')}>
                <InputNumber min={0.01} max={100} decimalSeparator="," style={{ width: 200 }} />
              </Form.Item>
            ) : null}
            {rule === 'tiered' ? <TiersField /> : null}
          </>
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('dialog.parentNote')}</Typography.Paragraph>
            <Form.Item name="maxNotSumOfChildren" valuePropName="checked">
              <Checkbox>{t('dialog.maxNotSum')}</Checkbox>
            </Form.Item>
          </>
        )}
        <Form.Item name="evidence" label={t('dialog.evidence')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="appraisingUnitId" label={t('dialog.appraiser')}>
          <Select
            options={[{ value: null, label: t('dialog.appraiserNone') }, ...agencies.map((a) => ({ value: a.id, label: a.name }))]}
            showSearch={{ filterOption: (input, option) => normalizeForSearch(String(option?.label ?? '')).includes(normalizeForSearch(input)) }}
          />
        </Form.Item>
        <Form.Item name="applicability" label={t('dialog.applicability')}>
          <Radio.Group options={[
            { value: 'always', label: t('dialog.appl.always') },
            { value: 'fact', label: t('dialog.appl.fact') },
            ...(complex ? [{ value: 'keep', label: t('dialog.appl.keep') }] : []),
          ]} />
        </Form.Item>
        {applicability === 'fact' ? (
          <Flex gap={12} wrap>
            <Form.Item name="fact" label={t('dialog.fact')} extra={t('dialog.factHint')} style={{ flex: '1 1 280px' }}
              rules={[...required, { pattern: /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, message: t('dialog.factHint') }]}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="factValue" label={t('dialog.factValue')} style={{ flex: '0 0 180px' }}>
              <Select options={(['true', 'false', 'other'] as const).map((k) => ({ value: k, label: t(`dialog.factValue.${k}`) }))} />
            </Form.Item>
            {factValue === 'other' ? (
              <Form.Item name="factOther" label={t('dialog.factOther')} rules={required} style={{ flex: '0 0 180px' }}>
                <Input maxLength={100} />
              </Form.Item>
            ) : null}
          </Flex>
        ) : null}
        {applicability === 'keep' && node.applicability ? (
          <Alert type="info" title={<Typography.Text code style={{ whiteSpace: 'pre-wrap' }}>{JSON.stringify(node.applicability)}</Typography.Text>} />
        ) : null}
      </Form>
    </Modal>
  );
}

function TiersField() {
  const t = useParSetT();
  return (
    <>
      <Form.Item name="better" label={t('dialog.better')}>
        <Radio.Group options={(['higher', 'lower'] as const).map((b) => ({ value: b, label: t(`dialog.better.${b}`) }))} />
      </Form.Item>
      <Typography.Text strong>{t('dialog.tiers')}</Typography.Text>
      <Form.List name="tiers">
        {(fields, { add, remove }) => (
          <div style={{ marginTop: 8, marginBottom: 16 }}>
            {fields.map((field, i) => (
              <Flex key={field.key} gap={8} align="flex-start">
                <Form.Item name={[field.name, 'threshold']} rules={[{ required: true, message: t('required') }]}>
                  <InputNumber min={0} max={1000} decimalSeparator="," placeholder={t('dialog.threshold')} aria-label={`${t('dialog.threshold')} ${i + 1}`} style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'points']} rules={[{ required: true, message: t('required') }]}>
                  <InputNumber min={0} max={1000} step={0.25} decimalSeparator="," placeholder={t('dialog.tierPoints')} aria-label={`${t('dialog.tierPoints')} ${i + 1}`} style={{ width: 140 }} />
                </Form.Item>
                <Button icon={<DeleteOutlined aria-hidden />} aria-label={t('dialog.removeTier')} onClick={() => remove(field.name)} disabled={fields.length === 1} />
              </Flex>
            ))}
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>{t('dialog.addTier')}</Button>
          </div>
        )}
      </Form.List>
    </>
  );
}
