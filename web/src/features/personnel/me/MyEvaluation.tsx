import { useState } from 'react';
import { Card, Flex, InputNumber, Skeleton } from 'antd';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { useSheet } from '../api-evaluations';
import { SelfForm } from '../evaluations/SelfForm';
import { SheetView } from '../evaluations/SheetView';
import { useEvaluationT } from '../i18n';

/**
 * My evaluation for a year: what the system knows of my year and my sheet; while nobody has reviewed it,
 * my self-assessment form. The year defaults to the one under review (the previous year until June).
 */
export function MyEvaluation({ personId }: { personId: number }) {
  const t = useEvaluationT();
  const now = new Date();
  const [year, setYear] = useState(now.getFullYear() - (now.getMonth() < 6 ? 1 : 0));
  const sheet = useSheet(personId, year);
  const d = sheet.data;
  const editable = !!d?.canSelf && (!d.sheet || d.sheet.status === 'self');
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center">
        <label htmlFor="hr-my-year">{t('eval.year')}</label>
        <InputNumber id="hr-my-year" min={2000} max={2100} value={year} onChange={(v) => { if (typeof v === 'number') setYear(v); }} style={{ width: 110 }} />
      </Flex>
      {sheet.isError ? <ErrorResult variant="inline" error={sheet.error} onRetry={() => void sheet.refetch()} /> : !d ? <Card size="small"><Skeleton active /></Card> : (
        <>
          <SheetView detail={d} />
          {editable ? <SelfForm key={`${year}:${d.sheet?.version ?? 0}`} detail={d} personId={personId} /> : null}
        </>
      )}
    </Flex>
  );
}
