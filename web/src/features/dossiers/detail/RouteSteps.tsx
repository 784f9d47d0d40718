import { Grid, Steps, Typography } from 'antd';
import { formatDateTime } from '../../../shared/format';
import type { DossierDetail } from '../api';
import { useDossierT } from '../i18n';

type StepStatus = 'wait' | 'process' | 'finish' | 'error';

/**
 * The internal process as steps, with the one holding the dossier now; a final step for returning
 * the result at the desk, which the dossier reaches when the result is recorded.
 */
export function RouteSteps({ dossier }: { dossier: DossierDetail }) {
  const t = useDossierT();
  const screens = Grid.useBreakpoint();
  const { route, handovers, statusCode } = dossier;
  if (route.length === 0) return null;
  const lastOrder = route[route.length - 1]!.order;
  const returnOrder = lastOrder + 1;
  const current = dossier.currentStep ?? route[0]!.order;
  const stopped = statusCode === 3 || statusCode === 7 || statusCode === 8;
  const latest = (order: number) => [...handovers].reverse().find((h) => h.step === order);
  const statusOf = (order: number): StepStatus => {
    if (statusCode === 10) return 'finish';
    if (order < current) return 'finish';
    if (order === current) return stopped ? 'error' : 'process';
    return 'wait';
  };
  const steps = [
    ...route.map((r) => ({ order: r.order, name: r.name, unitName: r.unitName })),
    { order: returnOrder, name: t('detail.returnStep'), unitName: handovers.find((h) => h.step === returnOrder)?.toUnitName ?? route[0]!.unitName },
  ];
  const wide = screens.lg ?? true;
  return (
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
            <div style={{ fontSize: 12, lineHeight: 1.45 }}>
              <div>{s.unitName}</div>
              {h?.to?.name ? <div><strong>{h.to.name}</strong></div> : null}
              {h ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(h.completedAt ?? h.at)}</Typography.Text> : null}
              {h && !h.completedAt && h.stepDueAt && s.order === current ? (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('detail.stepDue', { due: formatDateTime(h.stepDueAt) })}</Typography.Text>
                </div>
              ) : null}
            </div>
          ),
        };
      })}
    />
  );
}
