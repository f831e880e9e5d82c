/**
 * Local OpenID Connect providers for tests: real `ilteo dev-idp` processes (oidc-provider) on
 * 127.0.0.1, started as separate processes so a test can kill one mid-run.
 */
import net from 'node:net';
import { DEMO_PROVIDERS, type DevIdpProcess, spawnDevIdp } from '../../src/identity/demo.ts';
import type { ProviderConfig } from '../../src/identity/providers.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface PlannedIdp {
  config: ProviderConfig;
  port: number;
}

/** Ports and provider configs for 카카오 and 네이버, before the app (and its port) exists. */
export async function planIdps(): Promise<PlannedIdp[]> {
  return Promise.all(
    DEMO_PROVIDERS.map(async (p) => {
      const port = await freePort();
      return {
        port,
        config: {
          id: p.id,
          label: p.label,
          colour: p.colour,
          issuer: `http://127.0.0.1:${port}`,
          clientId: 'ilteo',
          clientSecret: `dev-secret-${p.id}`,
        },
      };
    }),
  );
}

/** Starts the planned providers, redirecting back to the app at `appOrigin`. */
export async function startIdps(planned: readonly PlannedIdp[], appOrigin: string): Promise<DevIdpProcess[]> {
  return Promise.all(
    planned.map((p) =>
      spawnDevIdp({
        id: p.config.id,
        label: p.config.label,
        ...(p.config.colour ? { colour: p.config.colour } : {}),
        host: '127.0.0.1',
        port: p.port,
        redirectUris: [`${appOrigin}/login/oidc/${p.config.id}/callback`],
      }),
    ),
  );
}

export async function killIdp(idp: DevIdpProcess): Promise<void> {
  if (idp.child.exitCode !== null || idp.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => idp.child.once('exit', () => resolve()));
  idp.child.kill('SIGKILL');
  await exited;
}
