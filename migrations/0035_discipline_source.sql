-- A discipline case opened from the conclusion of a denunciation or complaint (issue 18: "leads to a
-- discipline case"): the case it came from. The conclusion's date is the day the offence was concluded
-- on by a competent body, from which Decree 172/2025 art. 5 counts the limitation period.
alter table insp_discipline_cases add column source_case_id integer references insp_cases (id);
create index insp_discipline_cases_source_idx on insp_discipline_cases (source_case_id) where source_case_id is not null;
