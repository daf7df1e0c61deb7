import { describe, expect, it } from 'vitest';
import { loadEnv } from '../../../server/env';
import { allowedHostnames, isAllowedHost } from '../../../server/http/hostCheck';
import { forwardedClient, parseTrustProxy } from '../../../server/http/proxyAddress';

/** The rules of TRUST_PROXY and the Host check as tables; the servers' tests are beside this file. */

describe('parseTrustProxy', () => {
  it.each([undefined, '', '  ', '0'])('%j: X-Forwarded-For is not trusted', (value) => {
    expect(parseTrustProxy(value)).toBeUndefined();
  });

  it.each(['1', '3'])('%s: that many hops', (value) => {
    expect(parseTrustProxy(value)).toEqual({ hops: Number(value) });
  });

  it.each([
    '10.0.0.1',
    '10.0.0.0/8, 192.168.1.1',
    '2001:db8::/32',
    '::1',
    'loopback',
    'Uniquelocal,linklocal',
  ])('%s: a list of proxies', (value) => {
    expect(parseTrustProxy(value)).toHaveProperty('proxies');
  });

  it.each([
    'true',
    '10.0.0.0/33',
    '::/129',
    '10.0.0.0/8/1',
    '10.0.0.0/x',
    'proxy.example',
    '1.2.3.4, ',
    '-1',
  ])('%j is refused with the entry named', (value) => {
    expect(() => parseTrustProxy(value)).toThrow(/is not a number of hops, an address, a CIDR/);
  });
});

describe('forwardedClient: the first untrusted hop from the right', () => {
  const cases: Array<[string, string, string | undefined, string, string]> = [
    // [case, TRUST_PROXY, X-Forwarded-For, peer, client]
    ['no header: the peer', '1', undefined, '127.0.0.1', '127.0.0.1'],
    ['one hop: the entry the proxy appended', '1', '203.0.113.7', '127.0.0.1', '203.0.113.7'],
    [
      'one hop: a forged left-most entry is never read',
      '1',
      '6.6.6.6, 203.0.113.7',
      '127.0.0.1',
      '203.0.113.7',
    ],
    [
      'two hops: the entry the outer proxy appended',
      '2',
      '6.6.6.6, 203.0.113.7, 10.0.0.2',
      '127.0.0.1',
      '203.0.113.7',
    ],
    ['more hops than entries: the left-most', '3', '203.0.113.7', '127.0.0.1', '203.0.113.7'],
    ['a listed peer: the entry it appended', '127.0.0.1', '6.6.6.6, 203.0.113.7', '127.0.0.1', '203.0.113.7'],
    ['a peer not listed: the peer, the header ignored', '10.0.0.1', '203.0.113.7', '127.0.0.1', '127.0.0.1'],
    [
      'listed proxies are skipped right to left',
      'loopback, 10.0.0.0/8',
      '6.6.6.6, 203.0.113.7, 10.1.2.3',
      '127.0.0.1',
      '203.0.113.7',
    ],
    [
      'an unlisted hop in the chain is the client',
      '127.0.0.1',
      '203.0.113.7, 10.1.2.3',
      '127.0.0.1',
      '10.1.2.3',
    ],
    [
      'IPv6 proxies and clients',
      '2001:db8::/32',
      '2001:db8:ffff::9, 2a02:a40::1',
      '2001:db8::1',
      '2a02:a40::1',
    ],
    [
      'an IPv4-mapped peer matches an IPv4 range',
      '127.0.0.0/8',
      '203.0.113.7',
      '::ffff:127.0.0.1',
      '203.0.113.7',
    ],
    ['ports and brackets are dropped', '1', '[2A02:A40::1]:4711', '127.0.0.1', '2a02:a40::1'],
    ['an IPv4 entry with a port', '1', '203.0.113.7:4711', '127.0.0.1', '203.0.113.7'],
    ['all listed: the left-most', 'loopback, 10.0.0.0/8', '10.0.0.9, 10.0.0.8', '127.0.0.1', '10.0.0.9'],
    ['garbage ends the walk at the hop that delivered it', '2', 'unknown, 10.0.0.8', '127.0.0.1', '10.0.0.8'],
    ['an empty entry likewise', '1', '203.0.113.7, ', '127.0.0.1', '127.0.0.1'],
  ];

  it.each(cases)('%s', (_name, trust, forwardedFor, peer, client) => {
    expect(forwardedClient(peer, forwardedFor, parseTrustProxy(trust))).toBe(client);
  });

  it('without TRUST_PROXY the header never counts', () => {
    expect(forwardedClient('127.0.0.1', '203.0.113.7', undefined)).toBe('127.0.0.1');
  });
});

describe('the Host check', () => {
  const cases: Array<[string, { HOST: string; PUBLIC_ORIGIN?: string }, string | undefined, boolean]> = [
    ['the listening address', { HOST: '127.0.0.1' }, '127.0.0.1:8787', true],
    ['localhost for a loopback HOST', { HOST: '127.0.0.1' }, 'LOCALHOST:8787', true],
    [
      'the listening address on another port (a load balancer in front)',
      { HOST: '127.0.0.1' },
      '127.0.0.1:9000',
      true,
    ],
    ['a rebound name', { HOST: '127.0.0.1' }, 'evil.example:8787', false],
    ['another loopback address', { HOST: '127.0.0.1' }, '127.0.0.2:8787', false],
    ['no Host', { HOST: '127.0.0.1' }, undefined, false],
    ['a malformed Host', { HOST: '127.0.0.1' }, 'localhost:8787/x', false],
    ['credentials in the Host', { HOST: '127.0.0.1' }, 'evil@localhost', false],
    ['an IPv6 loopback HOST', { HOST: '::1' }, '[::1]:8787', true],
    ['localhost for ::1', { HOST: '::1' }, 'localhost:8787', true],
    ['a LAN address HOST: only itself', { HOST: '192.168.1.5' }, 'localhost:8787', false],
    ['a LAN address HOST', { HOST: '192.168.1.5' }, '192.168.1.5:8787', true],
    ['a wildcard HOST: any name', { HOST: '0.0.0.0' }, 'evil.example', true],
    ['a wildcard IPv6 HOST: any name', { HOST: '::' }, 'evil.example', true],
    [
      'PUBLIC_ORIGIN: its name',
      { HOST: '0.0.0.0', PUBLIC_ORIGIN: 'https://werkplaats.example.nl' },
      'werkplaats.example.nl',
      true,
    ],
    [
      'PUBLIC_ORIGIN: its name with a port',
      { HOST: '0.0.0.0', PUBLIC_ORIGIN: 'https://werkplaats.example.nl' },
      'Werkplaats.Example.NL:443',
      true,
    ],
    [
      'PUBLIC_ORIGIN: the listening address no longer',
      { HOST: '127.0.0.1', PUBLIC_ORIGIN: 'https://werkplaats.example.nl' },
      '127.0.0.1:8787',
      false,
    ],
    [
      'PUBLIC_ORIGIN: another name',
      { HOST: '0.0.0.0', PUBLIC_ORIGIN: 'https://werkplaats.example.nl' },
      'evil.example',
      false,
    ],
  ];

  it.each(cases)('%s', (_name, settings, host, allowed) => {
    expect(isAllowedHost(allowedHostnames(settings), host)).toBe(allowed);
  });
});

describe('the settings at start', () => {
  it.each([
    'https://werkplaats.example.nl/pad',
    'ftp://werkplaats.example.nl',
    'https://a:b@werkplaats.example.nl',
    'werkplaats.example.nl',
  ])('PUBLIC_ORIGIN=%s refuses to start', (value) => {
    expect(() => loadEnv({ PUBLIC_ORIGIN: value })).toThrow(/PUBLIC_ORIGIN: an origin only/);
  });

  it('PUBLIC_ORIGIN is kept as the origin browsers send', () => {
    expect(loadEnv({ PUBLIC_ORIGIN: 'https://Werkplaats.Example.NL:443/' }).PUBLIC_ORIGIN).toBe(
      'https://werkplaats.example.nl',
    );
  });

  it('a TRUST_PROXY entry that is no address refuses to start, naming it', () => {
    expect(() => loadEnv({ TRUST_PROXY: '10.0.0.1, proxy.lan' })).toThrow(/TRUST_PROXY: "proxy.lan"/);
  });
});
