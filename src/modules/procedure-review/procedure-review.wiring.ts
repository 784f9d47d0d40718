import type { Db } from '../../platform/db/transaction.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import type { ProcedureContent } from '../catalog/schema.js';
import { procedureFacts } from '../dossiers/procedure-facts.js';
import type { CatalogVersion, ProcedureReviewFeeds } from './procedure-review.context.js';

type Sources = { db: Db; catalog: Pick<CatalogService, 'findInForce' | 'findVersionById'> };

/**
 * The module's feeds from the services that own the figures: the catalogue for versions in force, the
 * dossiers module for what the dossiers of each procedure show.
 */
export function procedureReviewFeeds(s: Sources): ProcedureReviewFeeds {
  const version = (v: { id: number; code: string; number: number; effectiveFrom: string | null; content: unknown }): CatalogVersion => {
    const content = v.content as ProcedureContent;
    return { versionId: v.id, code: v.code, name: content.name, versionNo: v.number, effectiveFrom: v.effectiveFrom, fieldName: content.field?.name ?? '', content };
  };
  return {
    catalog: {
      async inForce(code, day) {
        const v = await s.catalog.findInForce(code, new Date(`${day}T12:00:00+07:00`));
        return v ? version(v) : null;
      },
      async versionById(id) {
        const v = await s.catalog.findVersionById(id);
        return v ? version(v) : null;
      },
    },
    facts: ({ unitIds, period, procedureCodes, versionIds }) =>
      procedureFacts(s.db, { unitIds, from: period.from, to: period.to, ...(procedureCodes ? { procedureCodes } : {}), ...(versionIds ? { versionIds } : {}) }),
  };
}
