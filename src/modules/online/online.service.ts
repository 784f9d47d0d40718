import type { Db } from '../../platform/db/transaction.js';
import { createDocumentsService } from './documents.service.js';
import { createFilingService } from './filing.service.js';
import { createMyDossiersService } from './my-dossiers.service.js';
import * as repo from './online.repository.js';
import { NO_RESULT_FILES, type CatalogPort, type CitizensPort, type FileStorePort, type OnlineDossiersPort, type PaymentsPort, type RatingsPort, type ResultsPort, type SlipsPort, type UnitsPort } from './ports.js';

export type OnlineDeps = {
  db: Db; now: () => Date; catalog: CatalogPort; units: UnitsPort; citizens: CitizensPort; dossiers: OnlineDossiersPort;
  files: FileStorePort; slips: SlipsPort; ratings: RatingsPort; results?: ResultsPort; payments?: PaymentsPort;
};

/** The online public services for citizens (issue 11): documents, filing, their dossiers (their rating is recorded by modules/satisfaction). */
export function createOnlineService(deps: OnlineDeps) {
  const documents = createDocumentsService({ db: deps.db, files: deps.files, citizens: deps.citizens, results: deps.results ?? NO_RESULT_FILES, submittedCodes: (id) => repo.submittedCodes(deps.db, id) });
  const filing = createFilingService({ db: deps.db, now: deps.now, catalog: deps.catalog, units: deps.units, citizens: deps.citizens, dossiers: deps.dossiers, documents });
  const mine = createMyDossiersService({ db: deps.db, now: deps.now, citizens: deps.citizens, dossiers: deps.dossiers, documents, filing, slips: deps.slips, ratings: deps.ratings, payments: deps.payments });
  return {
    documents, filing, mine,
    /** Whether the citizen's pay button has somewhere to go (routes register `/pay` only then). */
    paymentsWired: () => !!deps.payments,
  };
}

export type OnlineService = ReturnType<typeof createOnlineService>;
