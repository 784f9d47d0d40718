import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Alert, Button, Descriptions, Flex, Input, Typography } from 'antd';
import { FrownOutlined, MehOutlined, SmileOutlined } from '@ant-design/icons';
import { RATING_LABELS, RATING_LEVELS, type RatingLevel } from '../../../../src/modules/satisfaction/schema';
import { errorMessage } from '../../shared/api';
import { useLocale } from '../../shared/i18n';
import { LocaleSwitch } from '../../shared/layout/LocaleSwitch';
import { usePageTitle } from '../../shared/pageTitle';
import { useSite } from '../../shared/site';
import { type KioskDossier, useKioskCheck, useKioskRate } from './api';
import { useSatisfactionT } from './messages';
import './satisfaction.css';

/** Seconds the thank-you screen stays before the kiosk is ready for the next person. */
const RESET_SECONDS = 8;
const ICONS: Record<RatingLevel, ReactNode> = {
  very_satisfied: <SmileOutlined aria-hidden />,
  satisfied: <MehOutlined aria-hidden />,
  not_satisfied: <FrownOutlined aria-hidden />,
};

type Stage = { kind: 'code' } | { kind: 'rate'; code: string; dossier: KioskDossier } | { kind: 'thanks' };

/**
 * The satisfaction kiosk at the desk (/danh-gia): no sign-in; a one-time code from the receipt or the
 * officer's screen binds it to one dossier. Big touch targets, one question per screen, and a
 * thank-you that clears itself for the next citizen.
 */
export default function KioskPage() {
  const t = useSatisfactionT();
  const locale = useLocale();
  const site = useSite();
  usePageTitle(t('kiosk.title'));
  const [stage, setStage] = useState<Stage>({ kind: 'code' });
  const reset = () => setStage({ kind: 'code' });
  return (
    <div className="mc-kiosk">
      <header className="mc-kiosk-header">
        <Typography.Text strong>{site.portalName}</Typography.Text>
        <LocaleSwitch />
      </header>
      <main id="main" className="mc-kiosk-main" lang={locale}>
        <Typography.Title level={1} className="mc-kiosk-title">{t('kiosk.title')}</Typography.Title>
        {stage.kind === 'code' ? <CodeStep onChecked={(code, dossier) => setStage({ kind: 'rate', code, dossier })} /> : null}
        {stage.kind === 'rate' ? <RateStep code={stage.code} dossier={stage.dossier} onBack={reset} onDone={() => setStage({ kind: 'thanks' })} /> : null}
        {stage.kind === 'thanks' ? <Thanks onReset={reset} /> : null}
      </main>
    </div>
  );
}

function CodeStep({ onChecked }: { onChecked: (code: string, d: KioskDossier) => void }) {
  const t = useSatisfactionT();
  const locale = useLocale();
  const [code, setCode] = useState('');
  const [empty, setEmpty] = useState(false);
  const check = useKioskCheck();
  const submit = () => {
    const value = code.trim();
    if (!value) { setEmpty(true); return; }
    check.mutate(value, { onSuccess: (d) => onChecked(value, d) });
  };
  return (
    <form className="mc-kiosk-card" onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate>
      <Typography.Paragraph className="mc-kiosk-lead">{t('kiosk.intro')}</Typography.Paragraph>
      <label htmlFor="kiosk-code" className="mc-kiosk-label">{t('kiosk.code')}</label>
      <Input
        id="kiosk-code"
        size="large"
        className="mc-kiosk-code"
        value={code}
        autoFocus
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={20}
        placeholder={t('kiosk.codeHint')}
        aria-describedby={empty || check.isError ? 'kiosk-code-error' : undefined}
        aria-invalid={empty || check.isError}
        onChange={(e) => { setCode(e.target.value.toUpperCase()); setEmpty(false); check.reset(); }}
      />
      {empty || check.isError ? (
        <Alert id="kiosk-code-error" role="alert" type="error" showIcon style={{ marginTop: 12 }} title={empty ? t('kiosk.codeRequired') : errorMessage(check.error, locale)} />
      ) : null}
      <Button type="primary" size="large" htmlType="submit" block className="mc-kiosk-button" loading={check.isPending}>
        {t('kiosk.continue')}
      </Button>
    </form>
  );
}

function RateStep({ code, dossier, onBack, onDone }: { code: string; dossier: KioskDossier; onBack: () => void; onDone: () => void }) {
  const t = useSatisfactionT();
  const locale = useLocale();
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const rate = useKioskRate();
  const send = () => {
    if (!level) { setMissing(true); return; }
    rate.mutate({ code, level, comment: comment.trim() || null }, { onSuccess: onDone });
  };
  return (
    <div className="mc-kiosk-card">
      <Descriptions
        size="small"
        column={1}
        className="mc-kiosk-dossier"
        items={[
          { key: 'p', label: t('kiosk.procedure'), children: <strong>{dossier.procedureName}</strong> },
          { key: 'u', label: t('kiosk.unit'), children: dossier.unitName },
          { key: 'r', label: t('kiosk.received'), children: dossier.receivedOn ?? '—' },
        ]}
      />
      <Typography.Title level={2} className="mc-kiosk-question" id="kiosk-question">{t('kiosk.rating')}</Typography.Title>
      <div className="mc-kiosk-levels" role="group" aria-labelledby="kiosk-question">
        {RATING_LEVELS.map((l) => (
          <Button
            key={l}
            size="large"
            type={level === l ? 'primary' : 'default'}
            aria-pressed={level === l}
            className={`mc-kiosk-level mc-kiosk-level-${l}`}
            icon={ICONS[l]}
            onClick={() => { setLevel(l); setMissing(false); }}
          >
            {RATING_LABELS[l][locale]}
          </Button>
        ))}
      </div>
      {missing ? <Alert role="alert" type="warning" showIcon style={{ marginTop: 12 }} title={t('kiosk.chooseLevel')} /> : null}
      <label htmlFor="kiosk-comment" className="mc-kiosk-label">{t('kiosk.comment')}</label>
      <Input.TextArea id="kiosk-comment" rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
      {rate.isError ? <Alert role="alert" type="error" showIcon style={{ marginTop: 12 }} title={errorMessage(rate.error, locale)} /> : null}
      <Flex gap={12} wrap className="mc-kiosk-actions">
        <Button size="large" className="mc-kiosk-button" onClick={onBack}>{t('kiosk.back')}</Button>
        <Button type="primary" size="large" className="mc-kiosk-button mc-kiosk-send" loading={rate.isPending} onClick={send}>{t('kiosk.send')}</Button>
      </Flex>
    </div>
  );
}

function Thanks({ onReset }: { onReset: () => void }) {
  const t = useSatisfactionT();
  const [left, setLeft] = useState(RESET_SECONDS);
  const done = useRef(onReset);
  done.current = onReset;
  useEffect(() => {
    const timer = window.setInterval(() => setLeft((s) => s - 1), 1000);
    return () => window.clearInterval(timer);
  }, []);
  useEffect(() => { if (left <= 0) done.current(); }, [left]);
  return (
    <div className="mc-kiosk-card mc-kiosk-thanks" role="status">
      <SmileOutlined aria-hidden className="mc-kiosk-thanks-icon" />
      <Typography.Title level={2}>{t('kiosk.thanks')}</Typography.Title>
      <Typography.Paragraph className="mc-kiosk-lead">{t('kiosk.thanksSub', { seconds: Math.max(left, 0) })}</Typography.Paragraph>
      <Button size="large" className="mc-kiosk-button" onClick={onReset}>{t('kiosk.again')}</Button>
    </div>
  );
}
