-- Links between the registry (issue 19 scope 5) and the modules that act on its documents: a steering
-- document registered in the directives module is a document of an agency's register (incoming, or its
-- own outgoing one). The column is the directives module's; it names the registry's document.
alter table directive_documents add column registry_document_id integer references reg_documents (id);
create index directive_documents_registry_idx on directive_documents (registry_document_id) where registry_document_id is not null;
comment on column directive_documents.registry_document_id is 'The document of an agency''s register this steering document was registered from (modules/registry), if any.';
