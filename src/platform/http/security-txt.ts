import type { App } from './types.js';

/** How far ahead security.txt says it stays valid: RFC 9116 asks for less than a year. */
const VALID_DAYS = 180;

/**
 * The file in which RFC 9116 tells a researcher where to report a vulnerability. Served only when a
 * province has set the contact (MOTCUA_SECURITY_CONTACT): a made-up address would send reports nowhere.
 */
export function securityTxt(input: { contact: string; publicUrl: string; now: Date }): string {
  const expires = new Date(input.now.getTime() + VALID_DAYS * 86_400_000);
  expires.setUTCHours(0, 0, 0, 0);
  return [
    `Contact: ${input.contact}`,
    `Expires: ${expires.toISOString().replace('.000Z', 'Z')}`,
    'Preferred-Languages: vi, en',
    `Canonical: ${input.publicUrl}/.well-known/security.txt`,
    '',
  ].join('\n');
}

export function securityTxtRoute(app: App, deps: { contact: string | undefined; publicUrl: string; now: () => Date }): void {
  app.get('/.well-known/security.txt', { schema: { hide: true } }, async (_req, reply) => {
    if (!deps.contact) return reply.callNotFound();
    return reply.type('text/plain; charset=utf-8').send(securityTxt({ contact: deps.contact, publicUrl: deps.publicUrl, now: deps.now() }));
  });
}
