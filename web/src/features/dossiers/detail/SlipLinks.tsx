import { Button, Flex } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { type DossierDetail, type Slip, slipUrl } from '../api';
import { useDossierT } from '../i18n';

/** Which of the slips 01–06 (Circular 03/2025 appendix I) this dossier's history calls for. */
export function applicableSlips(d: Pick<DossierDetail, 'events'>): Slip[] {
  const has = (...types: string[]) => d.events.some((e) => types.includes(e.type));
  const out: Slip[] = [];
  if (has('received')) out.push('01');
  if (has('reception_supplement_requested', 'supplement_requested')) out.push('02');
  if (has('refused')) out.push('03');
  if (has('extended')) out.push('04');
  if (has('stopped', 'withdrawn')) out.push('05');
  if (has('received')) out.push('06');
  return out;
}

export function SlipLinks({ dossier }: { dossier: DossierDetail }) {
  const t = useDossierT();
  const slips = applicableSlips(dossier);
  return (
    <Flex vertical gap={4} align="flex-start">
      {slips.map((slip) => (
        <Button
          key={slip}
          type="link"
          icon={<FilePdfOutlined aria-hidden />}
          href={slipUrl(dossier.code, slip)}
          target="_blank"
          rel="noopener"
          style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
        >
          {t(`slip.${slip}`)}
        </Button>
      ))}
    </Flex>
  );
}
