// Each module's CLI commands register themselves on import; add new ones here.
import './modules/calendar/calendar.cli.js';
import './modules/catalog/catalog.cli.js';
import './modules/dossiers/dossiers.cli.js';
import './modules/dossiers/import/import.cli.js';
import './platform/db/backup.cli.js';
import './modules/privacy/privacy.cli.js';
import './modules/reports/reports.cli.js';
export {};
