-- The public search reads the versions in force by their search columns (catalog.search.ts). Two
-- measured costs at 10,000 procedures (bench/catalog.ts; docs/SCALING.md):

-- 1. Each version row carried its whole content (steps, documents, forms: ~1.5 kB) inline, one row per
--    8 kB page, so a word matching ~1,300 versions read ~1,200 pages. The content now goes to the
--    TOAST table once a row passes 1 kB (it is read for one procedure's page, never by the search),
--    and the columns the search and its result list read stay in the row (MAIN: kept inline, only
--    compressed or moved out if a row would still not fit). Rows written before this migration keep
--    their old layout until rewritten (`vacuum full catalog_procedure_versions`, off-hours).
alter table catalog_procedure_versions set (toast_tuple_target = 1024);
alter table catalog_procedure_versions
  alter column content set storage external,
  alter column name set storage main,
  alter column field_name set storage main,
  alter column levels set storage main,
  alter column channels set storage main,
  alter column agency_name set storage main,
  alter column name_search set storage main,
  alter column keywords_search set storage main,
  alter column search_text set storage main;

-- 2. The trigram index took new entries into its pending list (GIN "fast update"), which every search
--    then scanned in full until a vacuum merged it: after an import of 10,000 versions the index
--    returned twice the candidates in 7 × the time. The catalogue is written a few times a year and
--    searched all day: entries go straight into the index.
alter index catalog_versions_search_idx set (fastupdate = off);
