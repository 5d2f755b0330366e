import type { AliasLimitOptions } from './aliases.js';
import type { CostLimitOptions } from './cost.js';
import type { DepthLimitOptions } from '../depth-limit.js';
import { GEOMETRY_FIELD_COSTS } from './geometry-cost.js';
import type { HeavyGateOptions } from './heavy-gate.js';
import type { TokenLimitOptions } from './tokens.js';

export { aliasLimit, type AliasLimitOptions } from './aliases.js';
export { costLimitPlugin, operationCost, operationWeight, type CostLimitOptions, type HeavyOptions } from './cost.js';
export { GateBusyError, HeavyGate, type HeavyGateOptions } from './heavy-gate.js';
export { BYTES_PER_POINT, GEOMETRY_FIELD_COSTS } from './geometry-cost.js';
export { tokenLimitError, type TokenLimitOptions } from './tokens.js';
export { DEFAULT_INTROSPECTION_LIMITS, depthLimit, type DepthLimitOptions, type IntrospectionLimitOptions } from '../depth-limit.js';

/**
 * What one GraphQL operation may ask for. Each is refused before anything runs, with
 * `extensions.code = GRAPHQL_VALIDATION_FAILED` (HTTP 400) and `extensions.reason`:
 * QUERY_TOO_DEEP, QUERY_TOO_COSTLY, TOO_MANY_ALIASES, TOO_MANY_TOKENS, TOO_MANY_INTROSPECTION_FIELDS. Heavy operations within them
 * wait for a turn (SERVER_BUSY, HTTP 503 with Retry-After, when none comes in time).
 * (Page sizes, `first` ≤ 200, are checked by the resolvers; body size and batching by the HTTP layer.)
 */
export interface OperationLimits {
  depth: DepthLimitOptions;
  cost: CostLimitOptions;
  aliases: AliasLimitOptions;
  tokens: TokenLimitOptions;
  /** Operations whose geometry weighs `threshold` points or more run `concurrency` at a time (SERVER_BUSY, 503, when no turn comes). */
  heavy: HeavyGateOptions & { threshold: number };
}

export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  depth: { maxDepth: 10 },
  // The map's heaviest query (all partnerships, 200 a page, with participations and coarse areas) costs about 43,900;
  // its gminy at coarse detail about 11,400 (≈ 1.1 MB). A geometry costs 1 point per 100 bytes (geometry-cost.ts),
  // so 50,000 points let one operation send about 5 MB: two whole-country gminy layers at 7 decimals, not three.
  // Lists of the item types in `listSizes` stay small (the seed: 7 programmes, ≤ 2 phases, ≤ 17 figures, ≤ 4 sources).
  cost: {
    maxCost: 50_000,
    defaultListSize: 50,
    listSizes: { Programme: 20, ProgrammePhase: 10, ReportedFigure: 30, Source: 10 },
    fieldCosts: GEOMETRY_FIELD_COSTS,
  },
  aliases: { maxAliases: 30 },
  tokens: { maxTokens: 5_000 },
  // 10,000 points ≈ 1 MB of geometry: the map's whole-country gminy are heavy; its powiaty, partnership areas and cards are not.
  // One at a time: their cost is mostly JSON work on this process's one thread (and, on PGlite, the database too).
  heavy: { threshold: 10_000, concurrency: 1, maxWaitMs: 10_000, maxQueue: 16 },
};

export type OperationLimitOverrides = { [K in keyof OperationLimits]?: Partial<OperationLimits[K]> };

/** The defaults with any overrides applied, one limit (and one field) at a time. */
export function operationLimits(overrides: OperationLimitOverrides = {}): OperationLimits {
  return {
    depth: { ...DEFAULT_OPERATION_LIMITS.depth, ...overrides.depth },
    cost: { ...DEFAULT_OPERATION_LIMITS.cost, ...overrides.cost },
    aliases: { ...DEFAULT_OPERATION_LIMITS.aliases, ...overrides.aliases },
    tokens: { ...DEFAULT_OPERATION_LIMITS.tokens, ...overrides.tokens },
    heavy: { ...DEFAULT_OPERATION_LIMITS.heavy, ...overrides.heavy },
  };
}
