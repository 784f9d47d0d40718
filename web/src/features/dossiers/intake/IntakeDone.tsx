import { Button, Card, Flex, Result, Typography } from 'antd';
import { FileAddOutlined, FolderOpenOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../shared/format';
import { type CreatedDossier, slipUrl } from '../api';
import { useDossierT } from '../i18n';
import { StatusTag } from '../StatusTags';
import { dossierPath } from '../workspace/DossierList';

export type IntakeDecision = 'receive' | 'supplement' | 'refuse';

const TITLES = { receive: 'intake.doneReceived', supplement: 'intake.doneSupplement', refuse: 'intake.doneRefused' } as const;
const PRINT = { receive: ['01', 'intake.printReceipt'], supplement: ['02', 'intake.printGuide'], refuse: ['03', 'intake.printRefusal'] } as const;

/** What the officer hands over: the code, the appointment and the slip to print. */
export function IntakeDone({ dossier, decision, onNext }: { dossier: CreatedDossier; decision: IntakeDecision; onNext: () => void }) {
  const t = useDossierT();
  const [slip, printLabel] = PRINT[decision];
  return (
    <Card>
      <Result
        status={decision === 'receive' ? 'success' : 'info'}
        title={t(TITLES[decision])}
        subTitle={
          <Flex vertical gap={6} align="center">
            <Typography.Text style={{ fontSize: 18 }} data-testid="dossier-code">
              {t('intake.doneCode')}{' '}
              <Typography.Text strong copyable className="mc-code" style={{ fontSize: 18 }}>
                {dossier.code}
              </Typography.Text>
            </Typography.Text>
            {dossier.dueAt ? <Typography.Text style={{ fontSize: 16 }}>{t('intake.doneDue', { due: formatDateTime(dossier.dueAt) })}</Typography.Text> : null}
            <StatusTag statusCode={dossier.statusCode} />
          </Flex>
        }
        extra={
          <Flex gap={8} wrap justify="center">
            <Button type="primary" size="large" icon={<PrinterOutlined aria-hidden />} href={slipUrl(dossier.code, slip)} target="_blank" rel="noopener">
              {t(printLabel)}
            </Button>
            <Link to={dossierPath(dossier.code)}>
              <Button size="large" icon={<FolderOpenOutlined aria-hidden />}>
                {t('intake.open')}
              </Button>
            </Link>
            <Button size="large" icon={<FileAddOutlined aria-hidden />} onClick={onNext}>
              {t('intake.next')}
            </Button>
          </Flex>
        }
      />
    </Card>
  );
}
