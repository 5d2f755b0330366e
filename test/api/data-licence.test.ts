import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../server/config.js';
import { ATTRIBUTION_LINE, ATTRIBUTIONS, CODE_LICENCE, DATA_LICENCE } from '../../server/shared/data-licence.js';
import { openEmptyDatabase, testBackends, type TestDatabase } from '../support/database.js';
import { graphqlClient, type GraphqlClient } from '../support/graphql.js';

describe('licences', () => {
  let db: TestDatabase;
  let api: GraphqlClient;
  beforeAll(async () => {
    db = await openEmptyDatabase(testBackends()[0]!.database);
    api = await graphqlClient(db.orm);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.dispose();
  });

  it('ships the code under MIT, as package.json says', () => {
    const licence = readFileSync(path.join(repoRoot, 'LICENSE'), 'utf8');
    expect(licence).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} Atlas Partnerstw contributors\n/);
    expect(licence).toContain('Permission is hereby granted, free of charge');
    expect(JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).license).toBe(CODE_LICENCE.spdx);
  });

  it('answers the data licence and the PRG and GUS attributions in the API', async () => {
    const data = await api.data(`{ dataset { licence { name spdx url } codeLicence { spdx } attribution attributions { covers text url } } }`);
    expect(data.dataset.licence).toEqual({ name: 'CC BY 4.0', spdx: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
    expect(data.dataset.codeLicence.spdx).toBe('MIT');
    expect(data.dataset.attributions).toEqual(ATTRIBUTIONS);
    expect(data.dataset.attributions.map((a: { text: string }) => a.text).join(' ')).toMatch(/Państwowy Rejestr Granic.*Główny Urząd Statystyczny/);
    expect(data.dataset.attribution).toBe(ATTRIBUTION_LINE);
    for (const a of ATTRIBUTIONS) expect(ATTRIBUTION_LINE).toContain(a.text);
  });

  it('answers when the data last changed, the date embeds show', async () => {
    const before = Date.now();
    const data = await api.data(`{ dataset { changedAt } }`);
    const changed = Date.parse(data.dataset.changedAt);
    expect(data.dataset.changedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    // The empty database was migrated moments ago: its last change is that.
    expect(changed).toBeLessThanOrEqual(before);
    expect(changed).toBeGreaterThan(before - 10 * 60_000);
  });

  it('says the same in docs/data-licence.md', () => {
    const doc = readFileSync(path.join(repoRoot, 'docs', 'data-licence.md'), 'utf8');
    expect(doc).toContain(ATTRIBUTION_LINE);
    expect(doc).toContain(DATA_LICENCE.url);
  });
});
