import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoIdpUsers, type RunningDevIdp, startDevIdp } from '../../src/identity/dev-idp.ts';
import { isProviderOutage, ProviderRegistry, ProviderUnavailableError } from '../../src/identity/providers.ts';
import { freePort } from '../support/idp.ts';

describe('sign-in provider health and flows against a real local OpenID Connect provider', () => {
  let idp: RunningDevIdp;
  let port: number;
  let registry: ProviderRegistry;
  const redirectUri = 'http://127.0.0.1:9/login/oidc/pass/callback';

  before(async () => {
    port = await freePort();
    idp = await startDevIdp({
      name: 'pass',
      label: 'PASS',
      host: '127.0.0.1',
      port,
      clientId: 'ilteo',
      clientSecret: 'secret-pass',
      redirectUris: [redirectUri],
      users: demoIdpUsers('pass', 'pw'),
    });
    registry = new ProviderRegistry(
      [{ id: 'pass', label: 'PASS', issuer: idp.issuer, clientId: 'ilteo', clientSecret: 'secret-pass' }],
      { checkIntervalMs: 60_000, timeoutMs: 1000 },
    );
  });
  after(async () => {
    registry.stop();
    await idp.close().catch(() => {});
  });

  it('is unknown before the first check, then up with discovery, JWKS and token endpoint answering', async () => {
    assert.equal(registry.health()[0]?.state, 'unknown');
    assert.equal(registry.isAvailable('pass'), true, 'unknown is not refused');
    await registry.check('pass');
    const h = registry.health()[0];
    assert.equal(h?.state, 'up');
    assert.deepEqual(h?.checks, { discovery: true, jwks: true, token: true });
    assert.ok((h?.latencyMs ?? -1) >= 0);
  });

  it('builds an authorization URL with PKCE (S256), state and nonce', async () => {
    const flow = await registry.begin('pass', redirectUri);
    assert.equal(flow.url.origin, idp.issuer);
    assert.equal(flow.url.searchParams.get('code_challenge_method'), 'S256');
    assert.equal(flow.url.searchParams.get('state'), flow.state);
    assert.equal(flow.url.searchParams.get('nonce'), flow.nonce);
    assert.equal(flow.url.searchParams.get('redirect_uri'), redirectUri);
    assert.ok(flow.codeVerifier.length >= 43);
    // The provider accepts it: its own login page answers.
    const page = await fetch(flow.url, { redirect: 'manual' });
    assert.ok(page.status === 303 || page.status === 302, `authorization endpoint answered ${page.status}`);
  });

  it('a bad code is the flow failing, not the provider', async () => {
    const flow = await registry.begin('pass', redirectUri);
    const callback = new URL(
      `${redirectUri}?code=not-a-real-code&state=${flow.state}&iss=${encodeURIComponent(idp.issuer)}`,
    );
    await assert.rejects(registry.finish('pass', callback, flow), (err: unknown) => !isProviderOutage(err));
    assert.equal(registry.health()[0]?.state, 'up');
  });

  it('goes down when the provider stops, refuses new sign-ins at once, and comes back', async () => {
    const flow = await registry.begin('pass', redirectUri);
    await idp.close();
    await registry.check('pass');
    const h = registry.health()[0];
    assert.equal(h?.state, 'down');
    assert.equal(h?.checks.discovery, false);
    assert.ok(h?.error);
    await assert.rejects(registry.begin('pass', redirectUri), ProviderUnavailableError);
    // A flow begun before the outage fails at the token endpoint as an outage.
    const callback = new URL(`${redirectUri}?code=x&state=${flow.state}&iss=${encodeURIComponent(idp.issuer)}`);
    await assert.rejects(registry.finish('pass', callback, flow), ProviderUnavailableError);

    idp = await startDevIdp({
      name: 'pass',
      label: 'PASS',
      host: '127.0.0.1',
      port,
      clientId: 'ilteo',
      clientSecret: 'secret-pass',
      redirectUris: [redirectUri],
      users: demoIdpUsers('pass', 'pw'),
    });
    await registry.check('pass');
    assert.equal(registry.health()[0]?.state, 'up');
  });

  it('looks again about a second after a changed result, and numbers every result for the status monitor', async () => {
    await new Promise((r) => setTimeout(r, 1_500)); // the earlier tests' second looks are over
    await idp.close();
    const before = registry.health()[0]?.observations ?? 0;
    await registry.check('pass');
    assert.equal(registry.health()[0]?.state, 'down');
    const seen = registry.health()[0]?.observations ?? 0;
    assert.equal(seen, before + 1);
    await new Promise((r) => setTimeout(r, 1_800));
    const results = registry.observationsAfter('pass', before);
    assert.deepEqual(
      results.map((o) => [o.n, o.ok]),
      [
        [before + 1, false],
        [before + 2, false],
      ],
      'the second look came on its own, and a result that did not change asks for no third',
    );
    assert.ok((results[1]?.at ?? 0) - (results[0]?.at ?? 0) >= 900);
    assert.deepEqual(registry.observationsAfter('pass', before + 2), []);
  });
});
