import type { ExchangeEnvelope, ExchangeTransport, RecallNotice } from './exchange-transport.js';

/**
 * The `local` outside transport: sends the envelope as JSON over HTTP to a counterpart that plays the
 * outside agency's system (local-counterpart.ts; the demo and the tests run it). HTTP rather than a
 * shared directory because a real exchange is a network service: the sender learns only what the
 * receiver answers — a receipt, a refusal (integrity), or nothing (down; the job retries).
 */
export function createLocalTransport(opts: { url: string; timeoutMs?: number }): ExchangeTransport {
  const base = opts.url.replace(/\/$/, '');
  const timeoutMs = opts.timeoutMs ?? 30_000;

  async function post(path: string, body: unknown): Promise<{ receiptId: string }> {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw new Error(`Không kết nối được hệ thống nhận (${base}): ${err instanceof Error ? err.message : String(err)}`);
    }
    const text = await res.text();
    if (!res.ok) throw new Error(`Hệ thống nhận từ chối (HTTP ${res.status}): ${text.slice(0, 500)}`);
    const parsed = JSON.parse(text) as { receiptId?: unknown };
    if (typeof parsed.receiptId !== 'string' || !parsed.receiptId) throw new Error('Hệ thống nhận không trả về mã biên nhận.');
    return { receiptId: parsed.receiptId };
  }

  return {
    name: 'local',
    send: (envelope: ExchangeEnvelope) => post('/envelopes', envelope),
    recall: (notice: RecallNotice) => post('/recalls', notice),
  };
}
