import type { Db } from '../../platform/db/transaction.js';
import type { App } from '../../platform/http/types.js';
import type { CatalogPort } from '../dossiers/ports.js';
import type { OrgService } from '../org/org.service.js';

/**
 * The catalogue module as the rest of the app sees it: the procedures in force (for the one-stop
 * shop), its routes and its demo data. (First cut: empty until the catalogue tables land.)
 */
export function createCatalogModule(_db: Db, _org: OrgService) {
  const port: CatalogPort = {
    async findInForce() {
      return undefined;
    },
  };
  return {
    port,
    async routes(_app: App): Promise<void> {},
    async seedDemo(): Promise<void> {},
  };
}

export type CatalogModule = ReturnType<typeof createCatalogModule>;
