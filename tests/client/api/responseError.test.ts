import { describe, expect, it } from 'vitest';
import { ApiError, responseError } from '../../../client/api/request';

describe('responseError', () => {
  it('takes the code and message of an error body', async () => {
    const response = new Response(JSON.stringify({ error: { code: 'not_found', message: 'Geen versie.' } }), {
      status: 404,
    });
    const error = await responseError(response);
    expect(error).toBeInstanceOf(ApiError);
    expect([error.status, error.code, error.message]).toEqual([404, 'not_found', 'Geen versie.']);
  });

  it('falls back to "http" and no message when the body is not JSON or lacks them', async () => {
    const plain = await responseError(new Response('kapot', { status: 502 }));
    expect([plain.status, plain.code, plain.message]).toEqual([502, 'http', '']);
    const partial = await responseError(
      new Response(JSON.stringify({ error: { code: 'forbidden' } }), { status: 403 }),
    );
    expect([partial.status, partial.code, partial.message]).toEqual([403, 'forbidden', '']);
  });
});
