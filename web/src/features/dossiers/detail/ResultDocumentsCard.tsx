import { useState } from 'react';
import { Alert, Button, Card, Flex, List, Tag, Typography } from 'antd';
import { FileTextOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../../../shared/api';
import { type Role, type SessionUser, hasAnyRole, useAuth } from '../../../shared/auth';
import { useLocale } from '../../../shared/i18n';
import { type OrgUnit, useUnits } from '../../org/api';
import type { DossierDetail } from '../api';
import { useDossierT } from '../i18n';
import { registryDocumentPath } from '../roles';
import { holds } from './permissions';

/** document.draft (src/platform/access/policy.ts): who may draft the document that issues the result. */
const DRAFT_ROLES: readonly Role[] = ['unit_head', 'specialist', 'clerk', 'admin'];
/** document.read: who may see the documents already drafted from the dossier. */
const READ_ROLES: readonly Role[] = [...DRAFT_ROLES, 'auditor'];
/** Received and not yet closed, or ready for return: the result (or the notice that processing stopped) is still to be issued. */
const ISSUABLE = new Set([2, 4, 5, 6, 8, 9]);

interface IssuedDocument { id: number; symbol: string | null; subject: string; statusLabel: string }

const issuedKey = (code: string) => ['registry', 'documents', 'dossier', code] as const;

/**
 * Mirrors the server's choice of the drafting unit (src/modules/registry/from-dossier.ts): the unit of the
 * step where the result is recorded, else the competent unit, where the user holds document.draft. The
 * server still decides.
 */
export function mayIssueResult(user: SessionUser | null, d: DossierDetail, units: readonly OrgUnit[] | undefined): boolean {
  if (!user || d.archived || !ISSUABLE.has(d.statusCode) || !hasAnyRole(user, DRAFT_ROLES)) return false;
  const candidates = [d.resultStep?.unitId ?? null, d.competentUnitId].filter((u): u is number => u !== null);
  if (candidates.length === 0) return false;
  // Without the unit tree, leave the decision to the server rather than hide a legitimate action.
  if (!units) return true;
  const parents = new Map(units.map((u) => [String(u.id), u.parentId === null ? null : String(u.parentId)]));
  return candidates.some((u) => holds(user, DRAFT_ROLES, u, parents));
}

/**
 * The official documents (Decree 30/2020) that issue this dossier's result (issue 19 scope 5): the ones
 * already drafted from it in the registry, and a button that drafts a new one, prefilled from the dossier.
 */
export function ResultDocumentsCard({ dossier }: { dossier: DossierDetail }) {
  const { user } = useAuth();
  const units = useUnits();
  const readable = hasAnyRole(user, READ_ROLES);
  const may = !units.isPending && mayIssueResult(user, dossier, units.data);
  const issued = useQuery({
    queryKey: issuedKey(dossier.code),
    queryFn: ({ signal }) => api.get<{ items: IssuedDocument[] }>('/registry/documents', { dossier: dossier.code }, signal),
    enabled: readable,
  });
  const items = issued.data?.items ?? [];
  if (!readable || (!may && items.length === 0)) return null;
  return <CardBody dossier={dossier} may={may} items={items} loading={issued.isPending} />;
}

function CardBody({ dossier, may, items, loading }: { dossier: DossierDetail; may: boolean; items: IssuedDocument[]; loading: boolean }) {
  const t = useDossierT();
  const locale = useLocale();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const draft = useMutation({
    mutationFn: () => api.post<{ id: number }>('/registry/outgoing/from-dossier', { dossierCode: dossier.code }),
    onSuccess: () => void client.invalidateQueries({ queryKey: issuedKey(dossier.code) }),
  });
  const issue = async () => {
    setProblem(null);
    try {
      const doc = await draft.mutateAsync();
      navigate(registryDocumentPath(doc.id));
    } catch (error) {
      setProblem(errorMessage(error, locale));
    }
  };
  return (
    <Card size="small" title={t('registry.card')} data-testid="result-documents">
      <Flex vertical gap={8}>
        {items.length > 0 ? (
          <List
            size="small"
            aria-label={t('registry.issued')}
            dataSource={items}
            renderItem={(doc) => (
              <List.Item style={{ paddingInline: 0 }}>
                <Flex vertical gap={2}>
                  <Link to={registryDocumentPath(doc.id)}>
                    <FileTextOutlined aria-hidden /> {doc.symbol ? t('registry.numbered', { symbol: doc.symbol }) : t('registry.unnumbered')}
                  </Link>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>{doc.subject}</Typography.Text>
                  <span><Tag style={{ marginInlineEnd: 0 }}>{doc.statusLabel}</Tag></span>
                </Flex>
              </List.Item>
            )}
          />
        ) : loading ? null : (
          <Typography.Text type="secondary">{t('registry.none')}</Typography.Text>
        )}
        {may ? (
          <>
            <Button icon={<FileTextOutlined aria-hidden />} loading={draft.isPending} onClick={() => void issue()} style={{ alignSelf: 'flex-start' }}>
              {t('registry.issue')}
            </Button>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>{t('registry.issueHint')}</Typography.Text>
          </>
        ) : null}
        {problem ? <Alert type="error" showIcon role="alert" title={problem} /> : null}
      </Flex>
    </Card>
  );
}
