import nodemailer from 'nodemailer';

/**
 * How messages leave the building. A transport either sends (and may say under which id the
 * provider took it), declines with a reason (`not_sent`: nothing is configured — the message stays
 * in the outbox for staff to read), or throws a DeliveryError saying whether trying again can help.
 */
export type SendOutcome = { outcome: 'sent'; providerMessageId: string | null } | { outcome: 'not_sent'; reason: string };

export type MailMessage = { to: string; toName: string | null; subject: string; text: string; messageId: string; headers: Record<string, string> };
export type SmsMessage = { to: string; text: string; messageId: string };

export interface MailTransport {
  readonly name: string;
  send(m: MailMessage): Promise<SendOutcome>;
  close?(): void;
}

/** An SMS gateway (a carrier's brand-name SMS API…); a province plugs its contract in here. */
export interface SmsProvider {
  readonly name: string;
  send(m: SmsMessage): Promise<SendOutcome>;
}

export class DeliveryError extends Error {
  constructor(message: string, readonly permanent: boolean) {
    super(message);
    this.name = 'DeliveryError';
  }
}

export const NO_SMTP_REASON = 'Chưa gửi: chưa cấu hình máy chủ thư (SMTP_URL) / not sent: no SMTP server configured';
export const NO_SMS_REASON = 'Chưa gửi: chưa cấu hình nhà cung cấp SMS / not sent: no provider configured';

/** Without SMTP_URL (the embedded demo) mail is only written to the outbox and shown to staff. */
export function outboxOnlyMail(): MailTransport {
  return { name: 'outbox-only', send: async () => ({ outcome: 'not_sent', reason: NO_SMTP_REASON }) };
}

/** The default SMS provider: records in the outbox what would have been sent, and sends nothing. */
export function unconfiguredSms(): SmsProvider {
  return { name: 'none', send: async () => ({ outcome: 'not_sent', reason: NO_SMS_REASON }) };
}

/**
 * `SMTP_URL` = `smtp[s]://[user:password@]host[:port][?from=address]`. `from` is ours (the sender
 * address); every other query parameter is nodemailer's (e.g. `tls.rejectUnauthorized=false`).
 */
export function parseSmtpUrl(smtpUrl: string, fallbackFrom: string): { url: string; from: string } {
  const u = new URL(smtpUrl);
  const from = u.searchParams.get('from') || fallbackFrom;
  u.searchParams.delete('from');
  return { url: u.toString(), from };
}

/** SMTP with nodemailer; one connection per message, short timeouts so a dead server fails fast. */
export function smtpTransport(smtpUrl: string, fallbackFrom: string): MailTransport {
  const { url, from } = parseSmtpUrl(smtpUrl, fallbackFrom);
  const transporter = nodemailer.createTransport({
    url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    name: 'smtp',
    async send(m) {
      try {
        const info = await transporter.sendMail({
          from, to: m.toName ? { name: m.toName, address: m.to } : m.to, subject: m.subject, text: m.text,
          messageId: m.messageId, headers: m.headers, textEncoding: 'base64',
        });
        return { outcome: 'sent', providerMessageId: typeof info.messageId === 'string' ? info.messageId : null };
      } catch (err) {
        const e = err as { responseCode?: number; code?: string; message?: string };
        // A 5xx reply (unknown mailbox, refused content) will not change on retry; a refused or
        // dropped connection, a timeout or a 4xx reply ("try again later") may.
        throw new DeliveryError(`${e.code ?? 'SMTP'}${e.responseCode ? ` ${e.responseCode}` : ''}: ${e.message ?? String(err)}`.slice(0, 1000), (e.responseCode ?? 0) >= 500);
      }
    },
    close: () => transporter.close(),
  };
}
