/**
 * The PAR rounds' HTTP API (src/modules/par/par.routes.ts; answers from rounds.service.ts `list`, `board`,
 * `results` and sheet.service.ts `view`, `history`) as the round pages use it. Request bodies are typed from
 * the server's zod schema, so a renamed field fails type checking here.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Scoring } from '../../../../src/modules/par/rules/criteria';
import type { ScoreLayer } from '../../../../src/modules/par/rules/scoring';
import type {
  Block, correctionBody, councilBody, evidenceBody, explanationAnswerBody, explanationRequestBody, layerScoreBody, publishBody, roundOpenBody,
  selfScoreBody, stageBody, voteBody,
} from '../../../../src/modules/par/schema';
import { api, apiUrl } from '../../shared/api';

export type { Block, Scoring, ScoreLayer };
export type RoundOpenBody = z.input<typeof roundOpenBody>;
export type StageBody = z.input<typeof stageBody>;
export type CouncilBody = z.input<typeof councilBody>;
export type VoteBody = z.input<typeof voteBody>;
export type PublishBody = z.input<typeof publishBody>;
export type CorrectionBody = z.input<typeof correctionBody>;
export type SelfScoreBody = z.input<typeof selfScoreBody>;
export type LayerScoreBody = z.input<typeof layerScoreBody>;
export type EvidenceBody = z.input<typeof evidenceBody>;
export type ExplanationRequestBody = z.input<typeof explanationRequestBody>;
export type ExplanationAnswerBody = z.input<typeof explanationAnswerBody>;

export const STAGES = ['self_assessment', 'appraisal1', 'explanation', 'appraisal2', 'council', 'approved', 'published'] as const;
export type Stage = (typeof STAGES)[number];
export const LAYERS: readonly ScoreLayer[] = ['self', 'appraisal1', 'explanation', 'appraisal2', 'council'];
export type SheetStatus = 'draft' | 'submitted';
export type CouncilRole = 'chair' | 'deputy' | 'member' | 'secretary';
export const COUNCIL_ROLES: readonly CouncilRole[] = ['chair', 'deputy', 'member', 'secretary'];

// ── GET /par/rounds ──────────────────────────────────────────────────────────────────────────────
export interface RoundSummary {
  id: number;
  year: number;
  name: string;
  stage: Stage;
  stageLabel: string;
  selfDeadline: string;
  participants: number;
  submitted: number;
  manager: boolean;
  mySheets: { unitId: number; unitName: string; status: SheetStatus }[];
}
export interface RoundList { rounds: RoundSummary[]; canOpen: boolean; organiser: { id: number; name: string } }

// ── GET /par/rounds/:id ──────────────────────────────────────────────────────────────────────────
export interface CouncilMember {
  staffId: number;
  name: string;
  position: string | null;
  role: CouncilRole;
  vote: 'approve' | 'reject' | null;
  note: string | null;
  votedAt: string | null;
}
export interface BoardParticipant {
  unitId: number;
  unitName: string;
  block: Block;
  blockLabel: string;
  setId: number;
  setName: string;
  status: SheetStatus;
  submittedAt: string | null;
  late: boolean;
  leaves: number;
  selfScored: number;
  appraised1: number;
  appraised2: number;
  explanationRequests: number;
  explanationsAnswered: number;
  explanationSubmittedAt: string | null;
  facts: Record<string, string | number | boolean>;
  /** The facts the unit's set reads (declared or not). */
  factsUsed: string[];
}
export interface Board {
  round: {
    id: number; year: number; name: string; stage: Stage; stageLabel: string; selfDeadline: string; explanationDeadline: string | null;
    surveyHeld: boolean; councilQuorum: number; version: number; organiserUnitId: number; organiserName: string;
    publication: { number: string; date: string | null; signer: string | null; at: string | null } | null;
  };
  stages: { stage: Stage; label: string; done: boolean; current: boolean }[];
  participants: BoardParticipant[];
  summary: { participants: number; submitted: number; late: number };
  council: CouncilMember[];
  votes: { approve: number; reject: number; members: number };
  can: { manage: boolean; setFacts: boolean; vote: boolean; advance: boolean; setCouncil: boolean; publish: boolean; correct: boolean; results: boolean };
}

// ── GET /par/rounds/:id/units/:unitId ────────────────────────────────────────────────────────────
export interface LayerView { points: number | null; reason?: string; author?: string; at: string | null }
export interface EvidenceView {
  id: number;
  kind: 'file' | 'link' | 'record';
  title: string;
  fileName: string | null;
  section: string | null;
  page: string | null;
  url: string | null;
  recordKind: string | null;
  recordRef: string | null;
  addedAt: string;
}
export interface LeafCan { self: boolean; evidence: boolean; appraise: 'appraisal1' | 'appraisal2' | null; requestExplanation: boolean; explain: boolean; council: boolean }
export interface SheetNode {
  code: string;
  text: string;
  depth: number;
  level: 'area' | 'criterion' | 'subCriterion';
  leaf: boolean;
  maxPoints: number;
  extra: boolean;
  applicable: boolean;
  excludedReason: string | null;
  points: number | null;
  applicableMax: number | null;
  // Leaves only:
  scoring?: Scoring | null;
  evidenceRequired?: string | null;
  appraisingUnitId?: number | null;
  appraisingUnitName?: string | null;
  selfInput?: number | boolean | null;
  layers?: Partial<Record<ScoreLayer, LayerView>>;
  counts?: { layer: ScoreLayer; points: number } | null;
  derivedExplanation?: string | null;
  evidence?: EvidenceView[];
  explanation?: { request: string; requestedAt: string; answer: string | null; answeredAt: string | null } | null;
  can?: LeafCan | null;
}
export interface Sheet {
  round: { id: number; year: number; name: string; stage: Stage; stageLabel: string; selfDeadline: string; explanationDeadline: string | null; surveyHeld: boolean };
  unit: { id: number; name: string; block: Block };
  setId: number;
  setName: string;
  illustrative: boolean;
  status: SheetStatus;
  submittedAt: string | null;
  submittedLate: boolean;
  deadlinePassed: boolean;
  explanationSubmittedAt: string | null;
  version: number;
  facts: Record<string, string | number | boolean>;
  missingFacts: string[];
  partial: boolean;
  nodes: SheetNode[];
  totals: {
    points: number; applicableMax: number; bonus: { awarded: number; counted: number }; penalty: { awarded: number; counted: number };
    total: number; index: number | null; band: string | null; unscored: string[];
  };
  can: { submit: boolean; submitExplanation: boolean };
}
export interface HistoryEntry { layer: ScoreLayer; layerLabel: string; points: number | null; reason: string | null; author: string | null; correctionId: number | null; at: string }

// ── GET /par/rounds/:id/results ──────────────────────────────────────────────────────────────────
export interface AreaFigure { code: string; text: string; points: number; max: number; applicable: boolean }
export interface UnitResult {
  unitId: number;
  unitName: string;
  block: Block;
  status: SheetStatus;
  selfPoints: number;
  points: number;
  applicableMax: number;
  bonus: number;
  penalty: number;
  total: number;
  index: number | null;
  band: string | null;
  rank: number | null;
  unscored: number;
  areas: AreaFigure[];
}
export interface Results {
  round: { id: number; year: number; name: string; stage: Stage; stageLabel: string };
  results: UnitResult[];
  blocks: Record<Block, { vi: string; en: string }>;
}

export interface StaffOption { id: number; fullName: string; position: string | null; unitName: string }

export const parRoundKeys = {
  list: ['par', 'rounds'] as const,
  board: (id: number) => ['par', 'rounds', id, 'board'] as const,
  results: (id: number) => ['par', 'rounds', id, 'results'] as const,
  sheet: (id: number, unitId: number) => ['par', 'rounds', id, 'sheet', unitId] as const,
  history: (id: number, unitId: number, code: string) => ['par', 'rounds', id, 'sheet', unitId, 'history', code] as const,
};

const base = (id: number) => `/par/rounds/${id}`;
const sheetBase = (id: number, unitId: number) => `${base(id)}/units/${unitId}`;
export const evidenceFileUrl = (id: number, unitId: number, evidenceId: number) => apiUrl(`${sheetBase(id, unitId)}/evidence/${evidenceId}/file`);

export function useRounds() {
  return useQuery({ queryKey: parRoundKeys.list, queryFn: ({ signal }) => api.get<RoundList>('/par/rounds', undefined, signal) });
}

export function useBoard(id: number) {
  return useQuery({ queryKey: parRoundKeys.board(id), enabled: id > 0, queryFn: ({ signal }) => api.get<Board>(base(id), undefined, signal) });
}

export function useResults(id: number, enabled = true) {
  return useQuery({ queryKey: parRoundKeys.results(id), enabled: enabled && id > 0, queryFn: ({ signal }) => api.get<Results>(`${base(id)}/results`, undefined, signal) });
}

export function useSheet(id: number, unitId: number) {
  return useQuery({ queryKey: parRoundKeys.sheet(id, unitId), enabled: id > 0 && unitId > 0, queryFn: ({ signal }) => api.get<Sheet>(sheetBase(id, unitId), undefined, signal) });
}

export function useLeafHistory(id: number, unitId: number, code: string | null) {
  return useQuery({
    queryKey: parRoundKeys.history(id, unitId, code ?? ''),
    enabled: code !== null,
    queryFn: ({ signal }) => api.get<HistoryEntry[]>(`${sheetBase(id, unitId)}/leaves/${encodeURIComponent(code ?? '')}/history`, undefined, signal),
  });
}

/** Staff of any unit the organiser may put on the council (the round's own search, not the staff directory). */
export function useStaffSearch(roundId: number, q: string) {
  return useQuery({
    queryKey: ['par', 'council-candidates', roundId, q],
    queryFn: async ({ signal }) => (await api.get<{ items: StaffOption[] }>(`/par/rounds/${roundId}/council/candidates`, { q: q || undefined }, signal)).items,
    staleTime: 60_000,
  });
}

export function useOpenRound() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RoundOpenBody) => api.post<Board>('/par/rounds', body),
    onSuccess: (board) => {
      client.setQueryData(parRoundKeys.board(board.round.id), board);
      void client.invalidateQueries({ queryKey: parRoundKeys.list, exact: true });
      void client.invalidateQueries({ queryKey: ['par', 'sets'] });
    },
  });
}

/** Every round action answers with the board: keep it, and refresh what depends on the stage. */
function useBoardMutation<B, R extends Board = Board>(id: number, send: (body: B) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (board) => {
      client.setQueryData(parRoundKeys.board(id), board);
      void client.invalidateQueries({ queryKey: parRoundKeys.list, exact: true });
      void client.invalidateQueries({ queryKey: parRoundKeys.results(id) });
      void client.invalidateQueries({ queryKey: ['par', 'rounds', id, 'sheet'] });
    },
  });
}

export const useAdvance = (id: number) => useBoardMutation(id, (body: StageBody) => api.post<Board>(`${base(id)}/stage`, body));
export const useSetCouncil = (id: number) => useBoardMutation(id, (body: CouncilBody) => api.put<Board>(`${base(id)}/council`, body));
export const useVote = (id: number) => useBoardMutation(id, (body: VoteBody) => api.post<Board & { approvedNow: boolean }>(`${base(id)}/votes`, body));
export const usePublish = (id: number) => useBoardMutation(id, (body: PublishBody) => api.post<Board>(`${base(id)}/publish`, body));
export const useSetFacts = (id: number, unitId: number) =>
  useBoardMutation(id, (facts: Record<string, string | number | boolean>) => api.put<Board>(`${base(id)}/units/${unitId}/facts`, { facts }));
export const useCorrect = (id: number) => useBoardMutation(id, (body: CorrectionBody) => api.post<Board>(`${base(id)}/corrections`, body));

/** Every sheet action answers with the sheet (the new version with it). */
function useSheetMutation<B>(id: number, unitId: number, send: (body: B) => Promise<Sheet>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (sheet) => {
      client.setQueryData(parRoundKeys.sheet(id, unitId), sheet);
      void client.invalidateQueries({ queryKey: parRoundKeys.board(id) });
      void client.invalidateQueries({ queryKey: parRoundKeys.results(id) });
      void client.invalidateQueries({ queryKey: ['par', 'rounds', id, 'sheet', unitId, 'history'] });
    },
  });
}

const leaf = (id: number, unitId: number, code: string) => `${sheetBase(id, unitId)}/leaves/${encodeURIComponent(code)}`;

export function useSheetActions(id: number, unitId: number) {
  return {
    selfScore: useSheetMutation(id, unitId, (v: { code: string; body: SelfScoreBody }) => api.put<Sheet>(`${leaf(id, unitId, v.code)}/self`, v.body)),
    layer: useSheetMutation(id, unitId, (v: { code: string; layer: 'appraisal1' | 'appraisal2' | 'council'; body: LayerScoreBody }) =>
      api.put<Sheet>(`${leaf(id, unitId, v.code)}/layers/${v.layer}`, v.body)),
    addEvidence: useSheetMutation(id, unitId, (v: { code: string; body: EvidenceBody }) => api.post<Sheet>(`${leaf(id, unitId, v.code)}/evidence`, v.body)),
    removeEvidence: useSheetMutation(id, unitId, (evidenceId: number) => api.delete<Sheet>(`${sheetBase(id, unitId)}/evidence/${evidenceId}`)),
    requestExplanation: useSheetMutation(id, unitId, (v: { code: string; body: ExplanationRequestBody }) => api.post<Sheet>(`${leaf(id, unitId, v.code)}/explanation-request`, v.body)),
    explain: useSheetMutation(id, unitId, (v: { code: string; body: ExplanationAnswerBody }) => api.put<Sheet>(`${leaf(id, unitId, v.code)}/explanation`, v.body)),
    submit: useSheetMutation(id, unitId, (version: number) => api.post<Sheet>(`${sheetBase(id, unitId)}/submit`, { version })),
    submitExplanation: useSheetMutation(id, unitId, (version: number) => api.post<Sheet>(`${sheetBase(id, unitId)}/submit-explanation`, { version })),
  };
}

export function uploadEvidenceFile(file: File) {
  return api.upload<{ key: string; name: string }>('/files', file);
}
