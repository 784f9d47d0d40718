/**
 * A browser's part at an OpenID provider, over real HTTP: follows the provider's redirects with its
 * own cookie jar, fills the sign-in form of the local e-ID provider and stops when the provider sends
 * the browser back to the portal (the callback URL is returned; the test then calls the portal).
 */
export class ProviderBrowser {
  private readonly jar = new Map<string, string>();

  constructor(private readonly portalCallback: string) {}

  private async go(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.jar.size) headers.set('cookie', [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (!value || /expires=Thu, 01 Jan 1970/i.test(line)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return res;
  }

  /** Follows redirects from `url` until a page is shown (returned) or the portal's callback is reached. */
  async follow(url: string, init?: RequestInit): Promise<{ page?: { url: string; status: number; html: string }; callback?: string }> {
    let res = await this.go(url, init);
    let at = url;
    for (let hops = 0; hops < 10; hops++) {
      const location = res.headers.get('location');
      if (!location || res.status < 300 || res.status >= 400) return { page: { url: at, status: res.status, html: await res.text() } };
      at = new URL(location, at).href;
      if (at.startsWith(this.portalCallback)) return { callback: at };
      res = await this.go(at);
    }
    throw new Error('too many redirects');
  }

  /** Signs in on the provider's page reached from the authorization URL; returns the callback URL. */
  async signIn(authorizationUrl: string, username: string, password: string): Promise<string> {
    const shown = await this.follow(authorizationUrl);
    if (shown.callback) return shown.callback;
    const action = /<form method="post" action="([^"]+\/login)"/.exec(shown.page!.html)?.[1];
    if (!action) throw new Error(`no sign-in form at ${shown.page!.url}: ${shown.page!.html.slice(0, 300)}`);
    const done = await this.submit(new URL(action, shown.page!.url).href, { username, password });
    if (!done.callback) throw new Error(`sign-in did not return to the portal: ${done.page?.status} ${done.page?.html.slice(0, 500)}`);
    return done.callback;
  }

  /** Presses "Hủy" on the provider's sign-in page. */
  async cancel(authorizationUrl: string): Promise<string> {
    const shown = await this.follow(authorizationUrl);
    const action = /<form method="post" action="([^"]+\/abort)"/.exec(shown.page!.html)?.[1];
    const done = await this.submit(new URL(action!, shown.page!.url).href, {});
    return done.callback!;
  }

  submit(url: string, fields: Record<string, string>) {
    return this.follow(url, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }
}
