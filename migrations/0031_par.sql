-- PAR index (issue 16), owned by modules/par: the criteria sets issued each year by decision, the yearly
-- round in which every department and commune self-scores with evidence, the appraising departments
-- adjust in two rounds around an explanation, the appraisal council approves, and the result is published
-- per block; and the sociological survey that adds its points. Rules: src/modules/par/rules, docs/PAR.md.

-- A criteria set (Bộ tiêu chí) for one year and the blocks it scores (so = departments, phuong = wards,
-- xa = communes). The tree (area → criterion → sub-criterion, rules/criteria.ts) is one document: it is
-- edited, validated and frozen as a whole. Frozen once a round using it opens; after that only a new set.
create table par_sets (
  id integer generated always as identity primary key,
  year integer not null constraint par_sets_year_check check (year between 2000 and 2100),
  name text not null constraint par_sets_name_check check (length(btrim(name)) between 2 and 300),
  blocks text[] not null constraint par_sets_blocks_check check (cardinality(blocks) between 1 and 5),
  tree jsonb not null,
  bands jsonb not null,
  answer_weights jsonb not null,
  -- Points DOMAIN-MANAGEMENT could not verify: the set says so wherever it is shown.
  illustrative boolean not null default false,
  illustrative_note text constraint par_sets_note_check check (illustrative_note is null or length(illustrative_note) <= 2000),
  decision_number text constraint par_sets_decision_number_check check (decision_number is null or length(btrim(decision_number)) between 1 and 60),
  decision_date date,
  decision_signer text constraint par_sets_decision_signer_check check (decision_signer is null or length(decision_signer) <= 200),
  status text not null default 'draft' constraint par_sets_status_check check (status in ('draft', 'issued')),
  frozen_at timestamptz,
  copied_from_set_id integer references par_sets (id),
  organiser_unit_id integer not null references org_units (id),
  version integer not null default 1,
  created_by_staff_id integer references org_staff (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint par_sets_issued_check check (status = 'draft' or (decision_number is not null and decision_date is not null))
);
create unique index par_sets_year_name_key on par_sets (year, lower(btrim(name)));
comment on table par_sets is 'PAR criteria sets per year and block, issued by decision; the tree is frozen once a round uses it.';

-- The yearly round (one per year), run by the organiser (the Department of Home Affairs). The stage moves
-- forward only: self-assessment → appraisal 1 → explanation → appraisal 2 → council → approved → published.
create table par_rounds (
  id integer generated always as identity primary key,
  year integer not null unique constraint par_rounds_year_check check (year between 2000 and 2100),
  name text not null constraint par_rounds_name_check check (length(btrim(name)) between 2 and 300),
  organiser_unit_id integer not null references org_units (id),
  stage text not null default 'self_assessment' constraint par_rounds_stage_check
    check (stage in ('self_assessment', 'appraisal1', 'explanation', 'appraisal2', 'council', 'approved', 'published')),
  self_deadline date not null,
  explanation_deadline date,
  survey_held boolean not null default true,
  -- The council's majority rule: more than this share of all members must approve.
  council_quorum numeric(4, 3) not null default 0.5 constraint par_rounds_quorum_check check (council_quorum >= 0.5 and council_quorum < 1),
  publication_number text,
  publication_date date,
  publication_signer text,
  published_at timestamptz,
  version integer not null default 1,
  opened_by_staff_id integer references org_staff (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table par_rounds is 'The yearly PAR assessment: its stage, deadlines, council rule and the publication decision.';

-- A unit scored in a round, with the set (and so the block) it is scored by and the facts the set's
-- applicability rules read (hasProcedures…). Its sheet is submitted once, approved by the unit head.
create table par_participants (
  round_id integer not null references par_rounds (id),
  unit_id integer not null references org_units (id),
  set_id integer not null references par_sets (id),
  block text not null constraint par_participants_block_check check (length(block) between 1 and 20),
  facts jsonb not null default '{}',
  status text not null default 'draft' constraint par_participants_status_check check (status in ('draft', 'submitted')),
  submitted_at timestamptz,
  submitted_by_staff_id integer references org_staff (id),
  explanation_submitted_at timestamptz,
  explanation_submitted_by_staff_id integer references org_staff (id),
  version integer not null default 1,
  primary key (round_id, unit_id)
);
comment on table par_participants is 'Units scored in a round, their set, block and declared facts, and the state of their sheet.';

-- One layer of one leaf's score (rules/scoring.ts SCORE_LAYERS): who set it, the raw input the unit gave
-- (done/not done, a ratio…) where the layer is the self-score, and why. Changes are kept in par_score_changes.
create table par_scores (
  round_id integer not null,
  unit_id integer not null,
  code text not null,
  layer text not null constraint par_scores_layer_check check (layer in ('self', 'appraisal1', 'explanation', 'appraisal2', 'council')),
  points numeric(7, 2),
  input jsonb,
  reason text constraint par_scores_reason_check check (reason is null or length(reason) <= 4000),
  author_staff_id integer references org_staff (id),
  updated_at timestamptz not null default now(),
  primary key (round_id, unit_id, code, layer),
  foreign key (round_id, unit_id) references par_participants (round_id, unit_id)
);
comment on table par_scores is 'Score layers per leaf per unit: self, appraisal 1, explanation, appraisal 2, council.';

create table par_score_changes (
  id bigint generated always as identity primary key,
  round_id integer not null,
  unit_id integer not null,
  code text not null,
  layer text not null,
  points numeric(7, 2),
  reason text,
  author_staff_id integer references org_staff (id),
  -- A correction after publication names its decision.
  correction_id integer,
  at timestamptz not null default now(),
  foreign key (round_id, unit_id) references par_participants (round_id, unit_id)
);
create index par_score_changes_leaf_idx on par_score_changes (round_id, unit_id, code, id);
comment on table par_score_changes is 'Every change to a score layer, append-only: the sheet shows a leaf''s history from it.';

-- Evidence (tài liệu kiểm chứng) for a leaf: a stored file with the section and page it points to, a web
-- address, or a record the system already holds (a directive's task, a published procedure…).
create table par_evidence (
  id integer generated always as identity primary key,
  round_id integer not null,
  unit_id integer not null,
  code text not null,
  kind text not null constraint par_evidence_kind_check check (kind in ('file', 'link', 'record')),
  title text not null constraint par_evidence_title_check check (length(btrim(title)) between 2 and 500),
  file_key text,
  file_name text,
  file_type text,
  file_size integer,
  section text constraint par_evidence_section_check check (section is null or length(section) <= 200),
  page text constraint par_evidence_page_check check (page is null or length(page) <= 50),
  url text constraint par_evidence_url_check check (url is null or length(url) <= 2000),
  record_kind text,
  record_ref text,
  added_by_staff_id integer references org_staff (id),
  added_at timestamptz not null default now(),
  foreign key (round_id, unit_id) references par_participants (round_id, unit_id),
  constraint par_evidence_shape_check check (
    (kind = 'file' and file_key is not null) or (kind = 'link' and url is not null) or (kind = 'record' and record_kind is not null and record_ref is not null))
);
create index par_evidence_leaf_idx on par_evidence (round_id, unit_id, code);
comment on table par_evidence is 'Evidence per leaf of a unit''s sheet: files with section and page pointers, links, records of other modules.';

-- The appraiser's request for an explanation on one leaf, and the unit's answer.
create table par_explanations (
  round_id integer not null,
  unit_id integer not null,
  code text not null,
  request text not null constraint par_explanations_request_check check (length(btrim(request)) between 2 and 4000),
  requested_by_staff_id integer references org_staff (id),
  requested_at timestamptz not null default now(),
  answer text constraint par_explanations_answer_check check (answer is null or length(answer) <= 4000),
  answered_by_staff_id integer references org_staff (id),
  answered_at timestamptz,
  primary key (round_id, unit_id, code),
  foreign key (round_id, unit_id) references par_participants (round_id, unit_id)
);
comment on table par_explanations is 'Requests for explanation (yêu cầu giải trình) per leaf between the two appraisal rounds, and the answers.';

create table par_council_members (
  round_id integer not null references par_rounds (id),
  staff_id integer not null references org_staff (id),
  role text not null constraint par_council_members_role_check check (role in ('chair', 'deputy', 'member', 'secretary')),
  primary key (round_id, staff_id)
);
create unique index par_council_members_chair_key on par_council_members (round_id) where role = 'chair';
comment on table par_council_members is 'The appraisal council of a round (Hà Nội QĐ 4762: chaired by a Vice-Chairman, the Director of Home Affairs deputy).';

create table par_council_votes (
  round_id integer not null,
  staff_id integer not null,
  vote text not null constraint par_council_votes_vote_check check (vote in ('approve', 'reject')),
  note text constraint par_council_votes_note_check check (note is null or length(note) <= 2000),
  at timestamptz not null default now(),
  primary key (round_id, staff_id),
  foreign key (round_id, staff_id) references par_council_members (round_id, staff_id)
);
comment on table par_council_votes is 'Each council member''s vote on the final scores; approved when more than the round''s quorum of all members approve.';

-- The published result, frozen at publication and rewritten only by a correction decision.
create table par_results (
  round_id integer not null references par_rounds (id),
  unit_id integer not null references org_units (id),
  block text not null,
  points numeric(8, 2) not null,
  applicable_max numeric(8, 2) not null,
  bonus numeric(7, 2) not null,
  penalty numeric(7, 2) not null,
  total numeric(8, 2) not null,
  index_value numeric(7, 2),
  band text,
  rank integer,
  areas jsonb not null,
  primary key (round_id, unit_id)
);
comment on table par_results is 'Published PAR index per unit: index, band, rank in its block, breakdown per area.';

create table par_corrections (
  id integer generated always as identity primary key,
  round_id integer not null references par_rounds (id),
  decision_number text not null constraint par_corrections_number_check check (length(btrim(decision_number)) between 1 and 60),
  decision_date date not null,
  signer text,
  reason text not null constraint par_corrections_reason_check check (length(btrim(reason)) between 2 and 4000),
  unit_id integer not null references org_units (id),
  code text not null,
  points numeric(7, 2) not null,
  recorded_by_staff_id integer references org_staff (id),
  recorded_at timestamptz not null default now()
);
comment on table par_corrections is 'Corrections after publication, each under its decision; the only way a published score changes.';

-- Sociological survey (ĐTXHH): forms per respondent group, their questions mapped to survey criteria,
-- invitations (one answer per code), and answers entered from paper or given online.
-- A form's questions are one document ([{ id, text, criterionCode, options: [{ key, text }], weight? }]):
-- edited as a whole, and only while nobody has answered it (survey.service.ts).
create table par_survey_forms (
  id integer generated always as identity primary key,
  round_id integer not null references par_rounds (id),
  code text not null constraint par_survey_forms_code_check check (code ~ '^[A-Za-z0-9._-]{1,20}$'),
  name text not null constraint par_survey_forms_name_check check (length(btrim(name)) between 2 and 300),
  respondent_group text not null constraint par_survey_forms_group_check check (length(btrim(respondent_group)) between 2 and 300),
  blocks text[] not null constraint par_survey_forms_blocks_check check (cardinality(blocks) between 1 and 5),
  questions jsonb not null constraint par_survey_forms_questions_check check (jsonb_typeof(questions) = 'array'),
  version integer not null default 1,
  created_by_staff_id integer references org_staff (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint par_survey_forms_code_key unique (round_id, code)
);
comment on table par_survey_forms is 'Survey forms (Phiếu 01–06) per respondent group, the blocks they assess and their questions mapped to survey criteria.';

-- Only the keyed hash of a code is kept (par.context.ts codeHash): the code itself is shown once, to
-- the person who issues it, as a link and a QR code.
create table par_survey_invitations (
  id integer generated always as identity primary key,
  form_id integer not null references par_survey_forms (id),
  unit_id integer not null references org_units (id),
  code_hash text not null constraint par_survey_invitations_code_key unique,
  created_by_staff_id integer references org_staff (id),
  created_at timestamptz not null default now(),
  used_at timestamptz
);
create index par_survey_invitations_form_idx on par_survey_invitations (form_id, unit_id);
comment on table par_survey_invitations is 'One-time invitations to answer a form about a unit online (link or QR); only the keyed hash of the code is kept.';

create table par_survey_responses (
  id integer generated always as identity primary key,
  form_id integer not null references par_survey_forms (id),
  unit_id integer not null references org_units (id),
  channel text not null constraint par_survey_responses_channel_check check (channel in ('paper', 'online')),
  -- One answer per invitation: the code is spent in the answer's own transaction, and this key holds too.
  invitation_id integer constraint par_survey_responses_invitation_key unique references par_survey_invitations (id),
  respondent jsonb not null default '{}',
  answers jsonb not null constraint par_survey_responses_answers_check check (jsonb_typeof(answers) = 'object'),
  entered_by_staff_id integer references org_staff (id),
  created_at timestamptz not null default now(),
  -- Online answers come by invitation; paper slips name the staff member who typed them.
  constraint par_survey_responses_channel_shape_check check (
    (channel = 'online' and invitation_id is not null) or (channel = 'paper' and invitation_id is null and entered_by_staff_id is not null))
);
create index par_survey_responses_form_idx on par_survey_responses (form_id, unit_id);
comment on table par_survey_responses is 'Survey answers about a unit: option per question and the respondent''s demographics; paper entries name who typed them.';
