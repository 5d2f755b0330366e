import { request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as sent, not decoded (fetch would undo Content-Encoding). */
  body: Buffer;
}

/** One request over node:http, reading the answer's bytes exactly as they came over the wire. */
export function rawRequest(url: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The error code of a JSON error body (docs/errors.md). */
export const errorCodeOf = (response: RawResponse) => (JSON.parse(response.body.toString()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code;
