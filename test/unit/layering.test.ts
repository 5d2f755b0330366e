import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const server = path.resolve(import.meta.dirname, '../../server');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]!);

/** Data flows one way: request → input parsing → resolver → service → SQL. */
describe('layering', () => {
  const all = files(server).map((f) => path.relative(server, f));

  it('keeps services, the input layer and shared code free of server/graphql', () => {
    const lower = all.filter((f) => /\.service\.ts$/.test(f) || /^(input|shared|export|db)\//.test(f) || f === 'jst/jst-features.ts');
    expect(lower.length).toBeGreaterThan(15);
    const offending = lower.filter((f) => importsOf(path.join(server, f)).some((i) => /\/graphql\//.test(i) || i.startsWith('./graphql')));
    expect(offending).toEqual([]);
  });

  it('keeps the input layer free of the database', () => {
    const input = all.filter((f) => f.startsWith('input/'));
    const offending = input.filter((f) => importsOf(path.join(server, f)).some((i) => /\/db\//.test(i) || i.startsWith('@mikro-orm')));
    expect(offending).toEqual([]);
  });
});
