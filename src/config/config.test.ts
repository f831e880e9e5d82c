import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, LOOPBACK_PROXIES, loadConfig, parseTrustProxy, trustProxyFunction } from './index.ts';

describe('ILTEO_TRUST_PROXY', () => {
  it('reads no proxy, true (this machine) and address lists', () => {
    assert.deepEqual(parseTrustProxy(undefined), []);
    assert.deepEqual(parseTrustProxy(''), []);
    assert.deepEqual(parseTrustProxy('false'), []);
    assert.deepEqual(parseTrustProxy('0'), []);
    assert.deepEqual(parseTrustProxy('true'), LOOPBACK_PROXIES);
    assert.deepEqual(parseTrustProxy('1'), LOOPBACK_PROXIES);
    assert.deepEqual(parseTrustProxy('127.0.0.1'), ['127.0.0.1']);
    assert.deepEqual(parseTrustProxy('10.0.0.0/8, ::1,fd00::/8'), ['10.0.0.0/8', '::1', 'fd00::/8']);
  });
  it('refuses what is not an address, in Korean', () => {
    for (const bad of ['yes', '10.0.0.0/33', '::/129', '10.0.0.1/8/1', 'example.org', '10.0.0.0/x', '2']) {
      assert.equal(parseTrustProxy(bad), undefined, bad);
      assert.throws(
        () => loadConfig({ ILTEO_TRUST_PROXY: bad }),
        (err: unknown) => err instanceof ConfigError && /ILTEO_TRUST_PROXY는/.test(err.message),
      );
    }
    assert.throws(() => loadConfig({ ILTEO_TRUST_PROXY_HOPS: '9' }), /ILTEO_TRUST_PROXY_HOPS는 5 이하/);
  });

  /** The address Fastify would take (proxy-addr's walk: the socket, then X-Forwarded-For right to left). */
  const clientOf = (trust: ReturnType<typeof trustProxyFunction>, socket: string, xff: string[]) => {
    if (!trust) return socket;
    const addrs = [socket, ...[...xff].reverse()];
    let i = 0;
    while (i < addrs.length - 1 && trust(addrs[i] as string, i)) i++;
    return addrs[i];
  };

  it('believes one hop from the proxy: a forged leftmost X-Forwarded-For is never the client', () => {
    const trust = trustProxyFunction({ addresses: ['127.0.0.1'], hops: 1 });
    // HAProxy appended the real client (203.0.113.9) to what the client forged.
    assert.equal(clientOf(trust, '127.0.0.1', ['6.6.6.6', '203.0.113.9']), '203.0.113.9');
    // Even a client on the proxy's own machine cannot add hops.
    assert.equal(clientOf(trust, '127.0.0.1', ['6.6.6.6', '127.0.0.1']), '127.0.0.1');
    assert.equal(clientOf(trust, '::ffff:127.0.0.1', ['203.0.113.9']), '203.0.113.9');
  });
  it('believes nothing from an address that is not the proxy', () => {
    const trust = trustProxyFunction({ addresses: ['127.0.0.1'], hops: 1 });
    assert.equal(clientOf(trust, '198.51.100.7', ['6.6.6.6']), '198.51.100.7');
    assert.equal(trustProxyFunction({ addresses: [], hops: 1 }), false);
  });
  it('walks as many proxies as configured, each of them one of the addresses', () => {
    const trust = trustProxyFunction({ addresses: ['10.0.0.0/8'], hops: 2 });
    assert.equal(clientOf(trust, '10.0.0.2', ['6.6.6.6', '203.0.113.9', '10.0.0.1']), '203.0.113.9');
    assert.equal(clientOf(trust, '10.0.0.2', ['6.6.6.6', '203.0.113.9']), '203.0.113.9');
  });
  it('is what loadConfig passes on', () => {
    assert.deepEqual(loadConfig({}).trustProxy, { addresses: [], hops: 1 });
    assert.deepEqual(loadConfig({ ILTEO_TRUST_PROXY: '127.0.0.1', ILTEO_TRUST_PROXY_HOPS: '2' }).trustProxy, {
      addresses: ['127.0.0.1'],
      hops: 2,
    });
  });
});

describe('ILTEO_METRICS_TOKEN', () => {
  it('is optional, and at least 32 visible characters when given', () => {
    assert.equal(loadConfig({}).metricsToken, null);
    assert.equal(loadConfig({ ILTEO_METRICS_TOKEN: '' }).metricsToken, null);
    const token = 'x'.repeat(32);
    assert.equal(loadConfig({ ILTEO_METRICS_TOKEN: token }).metricsToken, token);
    for (const bad of ['short', `${'x'.repeat(32)} y`, `${'가'.repeat(40)}`])
      assert.throws(() => loadConfig({ ILTEO_METRICS_TOKEN: bad }), /ILTEO_METRICS_TOKEN은 공백 없는/);
  });
});
