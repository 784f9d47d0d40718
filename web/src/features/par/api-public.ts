/**
 * The published PAR index (GET /api/v1/public/par/results, rounds.service.ts `publicResults`) as the
 * portal's ranking page reads it. No sign-in.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Block } from '../../../../src/modules/par/schema';
import { api } from '../../shared/api';

/** An area's points out of its applicable maximum (rules/index.ts NodeResult, without its children). */
export interface AreaResult { code: string; text: string; points: number; max: number; applicable: boolean }

export interface RankedUnit {
  unitId: number;
  unitName: string;
  /** Null for a unit without an index (nothing applies): listed last, unranked. */
  rank: number | null;
  index: number | null;
  band: string | null;
  total: number;
  applicableMax: number;
  bonus: number;
  penalty: number;
  areas: AreaResult[];
  previousIndex: number | null;
  previousRank: number | null;
}

export interface BlockResults { block: Block; label: { vi: string; en: string }; units: RankedUnit[] }

export interface PublicResults {
  /** Years with a published round, newest first. */
  years: number[];
  round: { year: number; name: string; decision: { number: string | null; date: string | null; signer: string | null } } | null;
  blocks: BlockResults[];
}

export function usePublicResults(year: number | undefined) {
  return useQuery({
    queryKey: ['public', 'par', 'results', year ?? 'latest'],
    queryFn: ({ signal }) => api.get<PublicResults>('/public/par/results', { year }, signal),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}
