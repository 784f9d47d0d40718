/**
 * Which official a rating rates, decided from the dossier's events: the person the citizen met last
 * at the desk. That is whoever handed the result back (`result_returned` by a staff member), and
 * before that — or when the result went by post or online, recorded by nobody at a desk — whoever
 * received the dossier (`received`). The processing specialists behind the desk are not rated by the
 * citizen: they never met them (DOMAIN §7, "Rating of officials" grades desk staff).
 */
export type EventLike = { type: string; actor: { staffId: number | null; name: string } };

export function ratedOfficial(events: readonly EventLike[]): { staffId: number; name: string } | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type === 'result_returned' && e.actor.staffId) return { staffId: e.actor.staffId, name: e.actor.name };
  }
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type === 'received' && e.actor.staffId) return { staffId: e.actor.staffId, name: e.actor.name };
  }
  return null;
}
