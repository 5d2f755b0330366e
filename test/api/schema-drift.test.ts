import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../../server/config.js';
import { printAppSchema, SCHEMA_HEADER } from '../../server/graphql/print-schema.js';

describe('schema/schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema:emit` after changing the API)', async () => {
    const committed = await readFile(path.join(repoRoot, 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(await printAppSchema());
  });

  it('carries the generated-file header', async () => {
    const committed = await readFile(path.join(repoRoot, 'schema', 'schema.graphql'), 'utf8');
    expect(committed.startsWith(SCHEMA_HEADER)).toBe(true);
  });
});
