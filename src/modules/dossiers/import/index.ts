import type { Services } from '../../../app.js';
import { createDossierImporter, type DossierImporter } from './dossier-import.js';

export { createDossierImporter, type DossierImporter, type ImportOptions, type ImportProgress } from './dossier-import.js';
export type { ImportDossiersResult, ImportLine } from './import-schema.js';

/** The importer over the app's own services: the same catalogue, calendar and org tree as live intake. */
export function importerFor(services: Pick<Services, 'db' | 'now' | 'org' | 'catalog' | 'calendar' | 'chain' | 'dataKeys'>): DossierImporter {
  return createDossierImporter({ db: services.db, org: services.org, catalog: services.catalog.port, deadlines: services.calendar.deadlines, keys: services.dataKeys, now: services.now, chain: services.chain });
}
