import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildAppSchema } from './schema.js';

export const SCHEMA_HEADER = `# This file is generated from the code by \`npm run schema:emit\`. Do not edit it by hand.
# A test fails when it differs from the schema the server builds.
`;

/** The SDL of the API, sorted so diffs show real changes only. */
export async function printAppSchema(): Promise<string> {
  return `${SCHEMA_HEADER}\n${printSchema(lexicographicSortSchema(await buildAppSchema()))}\n`;
}
