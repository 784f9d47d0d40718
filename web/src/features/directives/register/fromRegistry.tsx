import { Alert } from 'antd';
import { Link } from 'react-router-dom';
import type { Meta, RegistrySource } from '../api';
import { useDirectiveT } from '../i18n';
import { registryDocumentPath } from '../paths';

/** What the register form takes from a document of the registry; the officer checks and completes it. */
export interface Prefill {
  docType?: string;
  number?: string;
  issuer?: string;
  signer?: string;
  signedOn?: string;
  subject?: string;
  fullText?: string;
}

/**
 * The register form's values from a registered document (issue 19 scope 5): its number and symbol, the
 * issuing agency (for an outgoing one, the agency whose register holds it), signer, date, subject and
 * text. Types the two modules share keep their code (Decree 30 art. 7 abbreviations); others are left
 * for the officer to choose.
 */
export function prefillFrom(source: RegistrySource, meta: Meta): Prefill {
  const out: Prefill = { subject: source.subject };
  if (meta.docTypes.some((d) => d.code === source.docType)) out.docType = source.docType;
  if (source.symbol) out.number = source.symbol;
  const issuer = source.issuerName || (source.direction === 'out' ? source.unitName : '');
  if (issuer) out.issuer = issuer;
  if (source.signerName) out.signer = source.signerName;
  if (source.issuedOn) out.signedOn = source.issuedOn;
  if (source.body) out.fullText = source.body;
  return out;
}

/** "Registered from document No. … in the registers", the way back to it (also on the directive's page). */
export function RegistryLink({ id, symbol }: { id: number; symbol: string | null }) {
  const t = useDirectiveT();
  return <Link to={registryDocumentPath(id)}>{t('reg.fromRegistry', { symbol: symbol ?? t('reg.fromRegistryUnnumbered') })}</Link>;
}

/** The note over the prefilled form. */
export function SourceNote({ id, symbol }: { id: number; symbol: string | null }) {
  const t = useDirectiveT();
  return (
    <Alert
      type="info"
      showIcon
      data-testid="registry-source"
      style={{ marginBottom: 16 }}
      title={<RegistryLink id={id} symbol={symbol} />}
      description={t('reg.fromRegistryHint')}
    />
  );
}
