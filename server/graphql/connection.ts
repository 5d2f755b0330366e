import type { ClassType } from 'type-graphql';
import { Field, Int, ObjectType } from 'type-graphql';
import { InputError } from '../shared/errors.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

@ObjectType({ description: 'Relay-style page information' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** A page request after validation: `limit` rows after the key `afterKey`. */
export interface PageRequest {
  limit: number;
  afterKey: string | null;
}

/** Cursors are opaque to clients; inside, the sort key of the row (TERYT code or slug). */
export const encodeCursor = (key: string) => Buffer.from(`k:${key}`, 'utf8').toString('base64url');

export function decodeCursor(field: string, cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('k:') || text.length < 3 || encodeCursor(text.slice(2)) !== cursor) {
    throw new InputError(field, 'cursor is malformed: pass endCursor of a previous page unchanged');
  }
  return text.slice(2);
}

/** Validates `first`/`after`; page size is bounded so no client can ask for everything at once. */
export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new InputError('first', `page size must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${limit}`);
  }
  return { limit, afterKey: after ? decodeCursor('after', after) : null };
}

export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
  totalCount: number;
  hasPreviousPage: boolean;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** Builds a connection object type `<Name>Connection` with `<Name>Edge` for the node class. */
export function connectionType<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} results` })
  class ConnectionType {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of results matching the filter, over all pages' })
    totalCount!: number;
  }
  return ConnectionType;
}

/** Turns a service page into the GraphQL connection shape. */
export function toConnection<T>(page: Page<T>, keyOf: (node: T) => string) {
  const edges = page.nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
