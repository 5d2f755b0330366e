/** What a GraphQL operation name must look like to become a label value (the GraphQL Name grammar, bounded). */
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/** Label of a GraphQL request that names no operation. */
export const ANONYMOUS_OPERATION = 'anonymous';
/** Label of every operation name past the bound, or not a GraphQL Name. */
export const OTHER_OPERATION = 'other';

/**
 * Turns client-chosen operation names into a bounded set of label values. Each label value is a
 * time series kept for the process's life, and the name is whatever a client writes, so without
 * a bound one client sending random names would grow /metrics (and the memory behind it) without
 * end. The first `maxNames` distinct names are kept as they are; later ones count as "other".
 */
export class OperationLabels {
  private readonly seen = new Set<string>();

  constructor(readonly maxNames = 200) {}

  label(operationName: string | null | undefined): string {
    if (!operationName) return ANONYMOUS_OPERATION;
    if (!OPERATION_NAME.test(operationName)) return OTHER_OPERATION;
    if (this.seen.has(operationName)) return operationName;
    if (this.seen.size >= this.maxNames) return OTHER_OPERATION;
    this.seen.add(operationName);
    return operationName;
  }
}
