import { Drawer, Empty, Skeleton, Tag, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../shared/format';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { useLeafHistory } from '../api-rounds';
import { useParRoundT } from '../i18n-rounds';
import { fmtPoints } from './dialog';

/** Every change of every layer of one leaf, oldest first (GET …/leaves/:code/history). */
export function HistoryDrawer({ roundId, unitId, code, onClose }: { roundId: number; unitId: number; code: string | null; onClose: () => void }) {
  const t = useParRoundT();
  const history = useLeafHistory(roundId, unitId, code);
  return (
    <Drawer open={code !== null} onClose={onClose} title={code ? t('history.title', { code }) : ''} size={480} destroyOnHidden>
      {history.isError ? <ErrorResult variant="inline" error={history.error} onRetry={() => void history.refetch()} />
        : history.isLoading ? <Skeleton active />
          : !history.data?.length ? <Empty description={t('history.empty')} />
            : (
              <Timeline items={history.data.map((h, i) => ({
                key: i,
                children: (
                  <div>
                    <div><Tag>{t(`layer.${h.layer}`)}</Tag><strong>{fmtPoints(h.points)}</strong>{h.correctionId ? <Tag color="red" style={{ marginInlineStart: 6 }}>{t('history.correction')}</Tag> : null}</div>
                    {h.reason ? <Typography.Text className="mc-par-note">{h.reason}</Typography.Text> : null}
                    <Typography.Text type="secondary" className="mc-par-note">{[h.author, formatDateTime(h.at)].filter(Boolean).join(', ')}</Typography.Text>
                  </div>
                ),
              }))} />
            )}
    </Drawer>
  );
}
