import type { App } from '../../platform/http/types.js';
import { clearCitizenCookies, requireCitizen } from './citizen-session.plugin.js';
import type { CitizenService } from './citizens.service.js';
import { contactBody } from './schema.js';

/** The signed-in citizen's own profile and session. Sign-in itself is the e-ID (OpenID Connect) flow. */
export async function citizenRoutes(app: App, citizens: CitizenService): Promise<void> {
  const tags = ['citizen'];
  app.get('/api/v1/citizen/me', { schema: { tags, summary: 'Công dân đang đăng nhập / the signed-in citizen' } },
    async (req) => citizens.profile(requireCitizen(req).id));
  app.patch('/api/v1/citizen/me', { schema: { tags, summary: 'Sửa thông tin liên hệ / update contact details', body: contactBody } },
    async (req) => citizens.updateContact(req.ctx, requireCitizen(req).id, req.body));
  app.post('/api/v1/citizen/logout', { schema: { tags, summary: 'Đăng xuất / sign out' } }, async (req, reply) => {
    const c = requireCitizen(req);
    await citizens.signOut(req.ctx, c.token);
    clearCitizenCookies(reply);
    return reply.status(204).send();
  });
}
