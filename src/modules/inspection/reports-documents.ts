import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { slipAgency } from '../org/agency-heading.js';
import type { CasesService } from './cases.service.js';
import type { DisciplineService } from './discipline.service.js';
import { casePdf, disciplinePdf, type CaseDocumentKind, type IssuingAgency } from './exports/case-documents.js';
import type { InspectionDeps } from './inspection.context.js';

/**
 * A case's documents as PDFs. Each is drawn from the case's own API answer to the caller (`cases.get`,
 * `discipline.get`): who may read the case, and whether the denouncer's identity is in it, is decided in
 * one place for the page and the paper alike.
 */
export function createReportDocuments(deps: InspectionDeps, services: { cases: Pick<CasesService, 'get'>; discipline: Pick<DisciplineService, 'get'> }) {
  async function agencyOf(unitId: number): Promise<IssuingAgency> {
    const units = await deps.org.allUnits();
    const heading = slipAgency(units, unitId);
    return { ...heading, shortName: units.find((u) => u.id === unitId)?.shortName ?? null };
  }

  return {
    async caseDocument(ctx: RequestContext, id: number, kind: CaseDocumentKind) {
      const detail = await services.cases.get(ctx, id);
      if (kind === 'acceptance' && !detail.acceptedOn) {
        throw errors.conflict('DOCUMENT_NOT_READY', 'Vụ việc chưa được thụ lý: chưa có thông báo thụ lý.', 'The case has not been accepted.');
      }
      if (kind === 'conclusion' && (detail.status !== 'concluded' || !detail.decisionDate)) {
        throw errors.conflict('DOCUMENT_NOT_READY', 'Vụ việc chưa có quyết định giải quyết hoặc kết luận.', 'The case has no decision or conclusion yet.');
      }
      const file = await casePdf(kind, detail, await agencyOf(detail.handlingUnitId));
      return { ...file, type: 'application/pdf' };
    },

    async disciplineDecision(ctx: RequestContext, id: number) {
      const detail = await services.discipline.get(ctx, id);
      if (detail.status !== 'decided' || !detail.decision) {
        throw errors.conflict('DOCUMENT_NOT_READY', 'Vụ việc chưa có quyết định kỷ luật.', 'The case has no discipline decision.');
      }
      const file = await disciplinePdf(detail, await agencyOf(detail.unitId));
      return { ...file, type: 'application/pdf' };
    },
  };
}
export type ReportDocuments = ReturnType<typeof createReportDocuments>;
