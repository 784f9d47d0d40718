import type { ReactNode } from 'react';
import { Button, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { hasAnyRole, useAuth } from '../../../shared/auth';
import { documentPath as directivePath, REGISTER_PATH } from '../../directives/paths';
import { dossierPath } from '../../dossiers/workspace/DossierList';
import { useRegistryT } from '../i18n';
import type { DocumentDetail } from '../types';

/**
 * Issue 19 scope 5: where the document came from (a dossier whose result it issues) and what was made
 * of it elsewhere (steering documents registered from it, with their tasks); an incoming document can
 * be registered as a steering document by those who track directives.
 */
export function LinksCard({ doc, section }: { doc: DocumentDetail; section: (children: ReactNode) => ReactNode }) {
  const t = useRegistryT();
  const { user } = useAuth();
  const mayRegisterDirective = doc.direction === 'in' && ['registered', 'routed', 'done'].includes(doc.status) && hasAnyRole(user, ['admin', 'unit_head', 'specialist']);
  if (!doc.source && doc.directives.length === 0 && !mayRegisterDirective) return null;
  return section(
    <Flex vertical gap={6}>
      {doc.source?.kind === 'dossier' ? <Typography.Text>{t('links.fromDossier')} <Link to={dossierPath(doc.source.ref)}>{doc.source.ref}</Link></Typography.Text> : null}
      {doc.directives.map((d) => (
        <Typography.Text key={d.id}>{t('links.directive')} <Link to={directivePath(d.id)}>{d.number}</Link> — {d.subject}</Typography.Text>
      ))}
      {mayRegisterDirective ? <Link to={`${REGISTER_PATH}?fromDocument=${doc.id}`}><Button>{t('links.registerDirective')}</Button></Link> : null}
    </Flex>,
  );
}
