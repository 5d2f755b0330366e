import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../config.js';
import { printAppSchema } from './print-schema.js';

/** `npm run schema:emit`: writes schema/schema.graphql. */
const target = path.join(repoRoot, 'schema', 'schema.graphql');
await writeFile(target, await printAppSchema());
console.log(`wrote ${path.relative(repoRoot, target)}`);
