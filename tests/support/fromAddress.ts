import http from 'node:http';

/** A response as requestFrom returns it. */
export interface AddressedResponse {
  status: number;
  body: unknown;
  headers: http.IncomingHttpHeaders;
}

/**
 * Sends a JSON API request from another loopback address (127.0.0.0/8 is all loopback on Linux), so
 * the server sees a second client address: what a stranger elsewhere looks like to the limits.
 */
export function requestFrom(
  localAddress: string,
  url: string,
  method: string,
  path: string,
  options: { body?: unknown; cookie?: string } = {},
): Promise<AddressedResponse> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}${path}`,
      {
        method,
        localAddress,
        // A fresh connection each time: a pooled one could come from another address.
        agent: false,
        headers: {
          origin: url,
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...(options.cookie ? { cookie: options.cookie } : {}),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: text ? (JSON.parse(text) as unknown) : undefined,
            headers: response.headers,
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}
