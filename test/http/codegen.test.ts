import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generate } from '@graphql-codegen/cli';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startHttp, type TestHttp } from './http-harness.js';

const run = promisify(execFile);

/**
 * graphql-codegen, as a client project would run it, pointed at the live server: it introspects
 * /graphql over HTTP (the standard introspection query must pass the limits) and writes TypeScript types.
 * Introspection reads no data, so the server runs without a database (the real HTTP server, Apollo and schema).
 */
describe('graphql-codegen against the live URL', () => {
  let http: TestHttp;
  beforeAll(async () => {
    http = await startHttp();
  });
  afterAll(async () => {
    await http?.close();
  });

  it('generates TypeScript types of the API that compile', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'atlas-codegen-'));
    const out = path.join(dir, 'atlas.ts');
    await generate({ schema: `${http.url}/graphql`, silent: true, generates: { [out]: { plugins: ['typescript'] } } }, true);
    const types = readFileSync(out, 'utf8');

    for (const type of ['Query', 'Mutation', 'Partnership', 'Jst', 'Programme', 'Coverage', 'PartnershipFilter', 'JstConnection']) {
      expect(types).toMatch(new RegExp(`^export type ${type} = \\{`, 'm'));
    }
    expect(types).toMatch(/^export enum JstLevel \{/m);
    // Descriptions come through as TSDoc, and the lookups by key are nullable.
    expect(types).toMatch(/\/\*\* The JST with this TERYT code/);
    expect(types).toMatch(/^\s+jst\?: Maybe<Jst>;/m);
    expect(types).toMatch(/^\s+partnership\?: Maybe<Partnership>;/m);

    const tsc = path.resolve('node_modules/typescript/bin/tsc');
    await run(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--skipLibCheck', out]);
  });
});
