import * as client from 'openid-client';
import type { OidcSettings } from '../../../config.js';
import type { VerifiedIdentity } from '../identity.js';
import { identityFromClaims, isClaimProblem } from './claims.js';
import type { SignInFlow } from './flow-cookie.js';
import { SignInRefused } from './refusals.js';

export type RelyingPartyOptions = OidcSettings & {
  /** The callback URL registered with the provider: `${publicUrl}/api/v1/citizen/auth/callback`. */
  redirectUri: string;
  /** Plain http to the provider: the local demo provider and tests only, never production. */
  allowHttp: boolean;
  /** Seconds to add to this server's clock when checking token times (tests move the clock with it). */
  clockSkewSeconds?: number;
};

/**
 * The portal as an OpenID Connect relying party (openid-client): authorization code flow with PKCE
 * (S256), state and nonce. openid-client checks the ID token's signature against the provider's JWKS,
 * its issuer, audience, nonce and expiry; we turn each failure into a refusal the citizen can read.
 * The provider's metadata is discovered on first use, and again after a failure (it may have been down).
 */
export function createRelyingParty(opts: RelyingPartyOptions) {
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = (): Promise<client.Configuration> => {
    discovered ??= client.discovery(new URL(opts.issuer), opts.clientId, {
      redirect_uris: [opts.redirectUri],
      ...(opts.clockSkewSeconds ? { [client.clockSkew]: opts.clockSkewSeconds } : {}),
    }, client.ClientSecretBasic(opts.clientSecret), {
      // openid-client, like OIDC Core 3.1.3.7, would trust an ID token from the token endpoint on the
      // strength of TLS alone; we check its signature against the provider's JWKS as well, so a
      // token altered anywhere between the provider's key and us is refused (tested with a proxy).
      execute: [client.enableNonRepudiationChecks, ...(opts.allowHttp ? [client.allowInsecureRequests] : [])],
      timeout: 15,
    }).catch((err: unknown) => {
      discovered = undefined;
      throw new SignInRefused('OIDC_PROVIDER_UNAVAILABLE', describe(err));
    });
    return discovered;
  };

  return {
    issuer: opts.issuer,

    /** A new attempt: where to send the browser, and what it must bring back (kept in its flow cookie). */
    async start(returnTo: string): Promise<{ url: string; flow: SignInFlow }> {
      const config = await configuration();
      const verifier = client.randomPKCECodeVerifier();
      const flow: SignInFlow = { state: client.randomState(), nonce: client.randomNonce(), verifier, returnTo };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: opts.redirectUri,
        scope: opts.scopes,
        response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state: flow.state,
        nonce: flow.nonce,
        ui_locales: 'vi en',
      });
      return { url: url.href, flow };
    },

    /**
     * The provider sent the browser back with `query`: check the state is this browser's, exchange the
     * code with the verifier, verify the ID token, read the claims (ID token, then userinfo for what it
     * lacks) and map them to an identity. Throws SignInRefused.
     */
    async finish(query: URLSearchParams, flow: SignInFlow): Promise<{ identity: VerifiedIdentity; idToken: string | undefined }> {
      // Checked before anything reaches the provider, so a forged callback costs no token request.
      if (query.get('state') !== flow.state) throw new SignInRefused('OIDC_STATE_MISMATCH', 'state differs from the one this browser started');
      const error = query.get('error');
      if (error) throw new SignInRefused(error === 'access_denied' ? 'OIDC_CANCELLED' : 'OIDC_PROVIDER_ERROR', `${error}: ${query.get('error_description') ?? ''}`.slice(0, 300));
      const config = await configuration();
      const currentUrl = new URL(opts.redirectUri);
      currentUrl.search = query.toString();
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(config, currentUrl, {
          pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true,
        });
      } catch (err) {
        throw classify(err);
      }
      const idClaims = tokens.claims();
      if (!idClaims) throw new SignInRefused('OIDC_TOKEN_INVALID', 'no ID token');
      let claims: Record<string, unknown> = { ...idClaims };
      if (tokens.access_token && config.serverMetadata().userinfo_endpoint) {
        try {
          // Signed ID-token claims win over userinfo; userinfo must be about the same subject.
          claims = { ...(await client.fetchUserInfo(config, tokens.access_token, idClaims.sub)), ...idClaims };
        } catch (err) {
          throw classify(err);
        }
      }
      const identity = identityFromClaims(opts.issuer, claims, opts.claims);
      if (isClaimProblem(identity)) throw new SignInRefused('OIDC_CLAIMS_INCOMPLETE', identity.detail);
      return { identity, idToken: tokens.id_token };
    },
  };
}

export type RelyingParty = ReturnType<typeof createRelyingParty>;

/** openid-client's errors → our refusals (the code names are oauth4webapi's). */
function classify(err: unknown): SignInRefused {
  if (err instanceof SignInRefused) return err;
  const detail = describe(err);
  if (err instanceof client.ResponseBodyError) return new SignInRefused('OIDC_CODE_REJECTED', detail);
  if (err instanceof client.AuthorizationResponseError) return new SignInRefused('OIDC_PROVIDER_ERROR', detail);
  const codes = chain(err).map((e) => (e as { code?: unknown }).code).filter((c): c is string => typeof c === 'string');
  if (codes.includes('OAUTH_JWT_TIMESTAMP_CHECK_FAILED')) return new SignInRefused('OIDC_TOKEN_EXPIRED', detail);
  if (codes.some((c) => c.startsWith('OAUTH_') || c.startsWith('ERR_JWS') || c.startsWith('ERR_JWT') || c === 'ERR_JOSE_NOT_SUPPORTED')) {
    return new SignInRefused('OIDC_TOKEN_INVALID', detail);
  }
  return new SignInRefused('OIDC_PROVIDER_UNAVAILABLE', detail);
}

function chain(err: unknown): unknown[] {
  const out: unknown[] = [];
  for (let e = err; e && out.length < 5; e = (e as { cause?: unknown }).cause) out.push(e);
  return out;
}

function describe(err: unknown): string {
  return chain(err).map((e) => (e instanceof Error ? `${(e as { code?: string }).code ?? e.name}: ${e.message}` : String(e))).join(' <- ').slice(0, 500);
}
