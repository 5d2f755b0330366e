import type { AliasLimitOptions } from './aliases.js';
import type { CostLimitOptions } from './cost.js';
import type { DepthLimitOptions } from '../depth-limit.js';
import type { TokenLimitOptions } from './tokens.js';

export { aliasLimit, type AliasLimitOptions } from './aliases.js';
export { costLimitPlugin, operationCost, type CostLimitOptions } from './cost.js';
export { tokenLimitError, type TokenLimitOptions } from './tokens.js';
export { depthLimit, type DepthLimitOptions } from '../depth-limit.js';

/**
 * What one GraphQL operation may ask for. Each is refused before anything runs, with
 * `extensions.code = GRAPHQL_VALIDATION_FAILED` (HTTP 400) and `extensions.reason`:
 * QUERY_TOO_DEEP, QUERY_TOO_COSTLY, TOO_MANY_ALIASES, TOO_MANY_TOKENS.
 * (Page sizes, `first` ≤ 200, are checked by the resolvers; body size and batching by the HTTP layer.)
 */
export interface OperationLimits {
  depth: DepthLimitOptions;
  cost: CostLimitOptions;
  aliases: AliasLimitOptions;
  tokens: TokenLimitOptions;
}

export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  depth: { maxDepth: 10 },
  // The map's heaviest query (all partnerships, 200 a page, with participations and areas) costs about 42,400.
  // Lists of the item types in `listSizes` stay small (the seed: 7 programmes, ≤ 2 phases, ≤ 17 figures, ≤ 4 sources).
  cost: { maxCost: 50_000, defaultListSize: 50, listSizes: { Programme: 20, ProgrammePhase: 10, ReportedFigure: 30, Source: 10 } },
  aliases: { maxAliases: 30 },
  tokens: { maxTokens: 5_000 },
};

export type OperationLimitOverrides = { [K in keyof OperationLimits]?: Partial<OperationLimits[K]> };

/** The defaults with any overrides applied, one limit (and one field) at a time. */
export function operationLimits(overrides: OperationLimitOverrides = {}): OperationLimits {
  return {
    depth: { ...DEFAULT_OPERATION_LIMITS.depth, ...overrides.depth },
    cost: { ...DEFAULT_OPERATION_LIMITS.cost, ...overrides.cost },
    aliases: { ...DEFAULT_OPERATION_LIMITS.aliases, ...overrides.aliases },
    tokens: { ...DEFAULT_OPERATION_LIMITS.tokens, ...overrides.tokens },
  };
}
