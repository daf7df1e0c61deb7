import http from 'node:http';

/** A response as hostRequest returns it. */
export interface HostResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/**
 * Sends a request to `url` with any Host header (fetch always sends the URL's own): what a browser
 * on a rebound DNS name, or a proxy passing the public name, sends.
 */
export function hostRequest(
  url: string,
  path: string,
  options: { host: string; method?: string; headers?: Record<string, string>; body?: unknown },
): Promise<HostResponse> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}${path}`,
      {
        method: options.method ?? 'GET',
        agent: false,
        headers: {
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
          host: options.host,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text }),
        );
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/** The `name=value` of the session cookie a response set (plain or __Host-), and whether it is Secure. */
export function sessionCookieOf(response: HostResponse): { cookie: string; secure: boolean } | undefined {
  const header = (response.headers['set-cookie'] ?? []).find((line) =>
    /^(__Host-)?werkplaats_session=/.test(line),
  );
  if (!header) return undefined;
  return { cookie: header.split(';')[0]!, secure: /;\s*secure/i.test(header) };
}
