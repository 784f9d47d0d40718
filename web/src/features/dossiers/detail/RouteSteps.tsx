import { useEffect, useState } from 'react';
import { Steps, Typography } from 'antd';
import { formatDateTime } from '../../../shared/format';
import type { DossierDetail } from '../api';
import { useDossierT } from '../i18n';

type StepStatus = 'wait' | 'process' | 'finish' | 'error';

/** Below this width per step, unit names and dates would wrap a word per line: list the steps down instead. */
const MIN_STEP_WIDTH = 150;

/** The element's width, followed as the window or the side menu changes it (a callback ref). */
function useWidth(): [(el: HTMLElement | null) => void, number | null] {
  const [el, setEl] = useState<HTMLElement | null>(null);
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [el]);
  return [setEl, width];
}

/**
 * The internal process as steps, with the one holding the dossier now. Recording the result hands
 * the dossier back to the receiving desk (one step past the route's last); when the process already
 * ends with a one-stop step that is where it is shown, otherwise as an added "Trả kết quả" step.
 */
export function RouteSteps({ dossier }: { dossier: DossierDetail }) {
  const t = useDossierT();
  const [box, width] = useWidth();
  const { route, handovers, statusCode } = dossier;
  if (route.length === 0) return null;
  const last = route[route.length - 1]!;
  const returnOrder = last.order + 1;
  const endsAtDesk = route.length > 1 && last.role === 'desk_officer';
  const place = (order: number) => (endsAtDesk && order === returnOrder ? last.order : order);
  const current = place(dossier.currentStep ?? route[0]!.order);
  const stopped = statusCode === 3 || statusCode === 7 || statusCode === 8;
  const latest = (order: number) => [...handovers].reverse().find((h) => place(h.step) === order);
  const statusOf = (order: number): StepStatus => {
    if (statusCode === 10 || order < current) return 'finish';
    if (order === current) return stopped ? 'error' : 'process';
    return 'wait';
  };
  const steps = route.map((r) => ({ order: r.order, name: r.name, unitName: r.unitName }));
  if (!endsAtDesk) {
    steps.push({ order: returnOrder, name: t('detail.returnStep'), unitName: handovers.find((h) => h.step === returnOrder)?.toUnitName ?? route[0]!.unitName });
  }
  const wide = (width ?? Infinity) >= steps.length * MIN_STEP_WIDTH;
  return (
    <div ref={box} data-testid="route-steps" data-layout={wide ? 'horizontal' : 'vertical'}>
      <Steps
        size="small"
        orientation={wide ? 'horizontal' : 'vertical'}
        titlePlacement={wide ? 'vertical' : 'horizontal'}
        current={Math.max(0, steps.findIndex((s) => s.order === current))}
        items={steps.map((s) => {
          const h = latest(s.order);
          return {
            title: s.name,
            status: statusOf(s.order),
            content: (
              // Listed down the page, a step's facts read as one line; across it, one under another.
              <div style={{ fontSize: 12, lineHeight: 1.45 }} className={wide ? undefined : 'mc-step-inline'}>
                <div>{s.unitName}</div>
                {h?.to?.name ? (
                  <div>
                    <strong>{h.to.name}</strong>
                  </div>
                ) : null}
                {h ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(h.completedAt ?? h.at)}
                  </Typography.Text>
                ) : null}
                {h && !h.completedAt && h.stepDueAt && h.stepDueAt !== h.at && s.order === current ? (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('detail.stepDue', { due: formatDateTime(h.stepDueAt) })}
                    </Typography.Text>
                  </div>
                ) : null}
              </div>
            ),
          };
        })}
      />
    </div>
  );
}
