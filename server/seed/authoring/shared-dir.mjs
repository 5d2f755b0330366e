// Where ../shared lies: beside the repository root (this file is server/seed/authoring/ inside it).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHARED = process.env.SHARED_DIR || path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared');
