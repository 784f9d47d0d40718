/**
 * The org module's HTTP API as the web app uses it. Kept in one file so that when the server's
 * zod schemas (src/modules/org/schema.ts) are shared, only these types change.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from '../../shared/api';
import type { Id } from '../../shared/auth';

export const UNIT_KINDS = [
  'province',
  'people_committee',
  'office',
  'department',
  'service_centre',
  'commune',
  'section',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface OrgUnit {
  id: Id;
  parentId: Id | null;
  code: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  function: string | null;
  /** Calendar dates, YYYY-MM-DD. */
  effectiveFrom: string | null;
  effectiveTo: string | null;
  /** Public contact phone, printed on slips when the officer has none. */
  phone?: string | null;
  version: number;
}

export interface UnitInput {
  parentId: Id | null;
  code: string;
  name: string;
  shortName?: string | null;
  kind: UnitKind;
  function?: string | null;
  effectiveFrom?: string | null;
  effectiveTo?: string | null;
  phone?: string | null;
}

export interface StaffMember {
  id: Id;
  fullName: string;
  position: string | null;
  unitId: Id;
  unitName: string;
  badgeNumber: string | null;
  phone: string | null;
  email: string | null;
  username: string | null;
  active: boolean;
  secondedFrom: string | null;
  secondedTo: string | null;
  version: number;
  photoUrl: string | null;
}

export interface StaffInput {
  fullName: string;
  position?: string | null;
  unitId: Id;
  badgeNumber?: string | null;
  phone?: string | null;
  email?: string | null;
  /** Only when creating: an account with an initial password and a role at the staff member's unit. */
  username?: string | null;
  password?: string;
  roles?: { role: string; unitId: Id }[];
  active?: boolean;
  secondedFrom?: string | null;
  secondedTo?: string | null;
}

export interface StaffQuery {
  unitId?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export interface Position {
  id: Id;
  unitId: Id;
  code: string;
  name: string;
  grade?: string | null;
  quota: number;
  version: number;
}

export interface PositionInput {
  unitId: Id;
  code: string;
  name: string;
  grade?: string | null;
  quota: number;
}

type Label = { vi: string; en: string };

/** What an import did (src/modules/org/schema.ts importResult). */
export interface ImportResult {
  created: number;
  updated: number;
  errors: { row: number; field?: string; column?: Label; message: string; messageEn: string }[];
  rowsRead: number;
  rowsWithErrors: number;
  errorCount: number;
  /** nothing_imported: a row was wrong, so no row was written; partly_imported: some rows were refused while saving. */
  outcome: 'imported' | 'nothing_imported' | 'partly_imported';
  ignoredColumns: string[];
  summary: Label;
}

/** A column of the import file, as the importer reads it and the template writes it. */
export interface ImportColumn {
  key: string;
  label: Label;
  required: 'always' | 'new' | 'no';
  requiredLabel: Label;
  hint: Label;
  example: string;
}

export interface PublicOfficial {
  fullName: string;
  position: string | null;
  unitName: string;
  /** The agency above the unit, e.g. "UBND phường Tân Phong"; null when the unit is the agency. */
  agencyName: string | null;
  provinceName: string | null;
  badgeNumber: string | null;
  photoUrl: string | null;
  /** The page links to the feedback form (/phan-anh?canbo=) itself; the server's value is not needed. */
  feedbackUrl: string | null;
}

interface Items<T> {
  items: T[];
}

/** Writes may answer the record itself or wrap it ({ unit }, { staff }…); accept both. */
function unwrap<T extends object>(body: unknown, key: string): T {
  if (body && typeof body === 'object' && key in body) return (body as Record<string, T>)[key] as T;
  return body as T;
}

export const orgKeys = {
  all: ['org'] as const,
  units: ['org', 'units'] as const,
  staff: (query: StaffQuery) => ['org', 'staff', query] as const,
  positions: (unitId: string | undefined) => ['org', 'positions', unitId ?? 'all'] as const,
};

export function useUnits() {
  return useQuery({
    queryKey: orgKeys.units,
    queryFn: ({ signal }) => api.get<Items<OrgUnit>>('/org/units', undefined, signal),
    select: (body) => body.items,
  });
}

export function useSaveUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, input }: { id?: Id; version?: number; input: UnitInput }) =>
      unwrap<OrgUnit>(
        id === undefined
          ? await api.post('/org/units', input)
          : await api.patch(`/org/units/${encodeURIComponent(String(id))}`, { version, ...input }),
        'unit',
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: orgKeys.all }),
  });
}

export function useStaffList(query: StaffQuery) {
  return useQuery({
    queryKey: orgKeys.staff(query),
    queryFn: ({ signal }) =>
      api.get<{ items: StaffMember[]; total: number }>('/org/staff', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSaveStaff() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, input }: { id?: Id; version?: number; input: StaffInput }) =>
      unwrap<StaffMember>(
        id === undefined
          ? await api.post('/org/staff', input)
          : await api.patch(`/org/staff/${encodeURIComponent(String(id))}`, { version, ...input }),
        'staff',
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['org', 'staff'] }),
  });
}

export function usePositions(unitId: string | undefined) {
  return useQuery({
    queryKey: orgKeys.positions(unitId),
    queryFn: ({ signal }) => api.get<Items<Position>>('/org/positions', { unitId }, signal),
    select: (body) => body.items,
  });
}

export function useSavePosition() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, input }: { id?: Id; version?: number; input: PositionInput }) =>
      unwrap<Position>(
        id === undefined
          ? await api.post('/org/positions', input)
          : await api.patch(`/org/positions/${encodeURIComponent(String(id))}`, { version, ...input }),
        'position',
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['org', 'positions'] }),
  });
}

export type ImportKind = 'units' | 'staff';

export function useImportColumns(kind: ImportKind, enabled: boolean) {
  return useQuery({
    queryKey: ['org', 'import', kind, 'columns'],
    queryFn: ({ signal }) => api.get<{ columns: ImportColumn[] }>(`/org/import/${kind}/columns`, undefined, signal),
    staleTime: Infinity,
    enabled,
  });
}

export const importTemplateUrl = (kind: ImportKind, format: 'xlsx' | 'csv') => apiUrl(`/org/import/${kind}/template.${format}`);

export function useImport(kind: ImportKind) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => api.upload<ImportResult>(`/org/import/${kind}`, file),
    onSuccess: () => client.invalidateQueries({ queryKey: orgKeys.all }),
  });
}

export function usePublicOfficial(publicId: string, enabled = true) {
  return useQuery({
    queryKey: ['public', 'staff', publicId],
    enabled,
    queryFn: ({ signal }) =>
      api.get<PublicOfficial>(`/public/staff/${encodeURIComponent(publicId)}`, undefined, signal),
  });
}

/** PDF sheets are opened in a new tab; the session cookie goes with the GET. */
export function badgesPdfUrl(kind: 'badges' | 'nameplates', staffIds: readonly Id[]): string {
  return apiUrl(`/org/${kind}.pdf`, { staffIds: staffIds.map(String) });
}
