import { readFile } from 'node:fs/promises';
import type { RequestContext } from '../../platform/http/context.js';
import type { RegistryService } from './registry.service.js';

/**
 * The demo's records offices (demo/registry/settings.json): each agency's symbol, place name and managing
 * body, set through the service as the administrator would in the admin page. Communes' People's
 * Committees all sign "UBND".
 */
export type RegistryDemoDeps = {
  registry: RegistryService;
  units: { id: number; code: string | null; kind: string }[];
  as: (username: string) => Promise<RequestContext>;
};
type DemoSettings = {
  placeName: string;
  agencies: { unitCode: string; symbol: string; managingBody: string | null }[];
  communes: { symbol: string; managingBody: string | null };
};

export async function seedDemoRegistry(deps: RegistryDemoDeps, dir: string): Promise<{ agencies: number }> {
  const settings = JSON.parse(await readFile(`${dir}/settings.json`, 'utf8')) as DemoSettings;
  const admin = await deps.as('admin');
  const byCode = new Map(deps.units.map((u) => [u.code, u]));
  const entries = [
    ...settings.agencies.map((a) => {
      const unit = byCode.get(a.unitCode);
      if (!unit) throw new Error(`demo registry: no unit ${a.unitCode}`);
      return { unitId: unit.id, symbol: a.symbol, managingBody: a.managingBody };
    }),
    ...deps.units.filter((u) => u.kind === 'commune').map((u) => ({ unitId: u.id, ...settings.communes })),
  ];
  for (const e of entries) {
    await deps.registry.documents.putSettings(admin, e.unitId, { symbol: e.symbol, placeName: settings.placeName, numbering: 'per_type', ...(e.managingBody ? { managingBody: e.managingBody } : {}) });
  }
  return { agencies: entries.length };
}
