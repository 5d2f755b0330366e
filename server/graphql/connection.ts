import type { ClassType } from 'type-graphql';
import { Field, Int, ObjectType } from 'type-graphql';
import { encodeCursor, type Page } from '../input/paging.js';

@ObjectType({ description: 'Relay-style page information', simpleResolvers: true })
export class PageInfo {
  @Field({ description: 'true when more results follow this page: ask again with `after: endCursor`' })
  hasNextPage!: boolean;

  @Field({ description: 'true when results come before this page (the page was asked for with `after`)' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first result of the page; null when the page is empty' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last result of the page, to pass as `after` for the next page; null when the page is empty' })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** Builds a connection object type `<Name>Connection` with `<Name>Edge` for the node class. */
export function connectionType<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} result of a page, with its cursor`, simpleResolvers: true })
  class EdgeType {
    @Field({ description: 'Opaque position of this result; pass it as `after` to get the results that follow it' })
    cursor!: string;

    @Field(() => node, { description: `The ${name}` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} results`, simpleResolvers: true })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The results of this page, in the list\'s order' })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Where this page lies in the whole list, and the cursor of the next page' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of results matching the filter, over all pages' })
    totalCount!: number;
  }
  return ConnectionType;
}

/** Turns a service page into the GraphQL connection shape; a page ordered by search rank gets cursors with the rank. */
export function toConnection<T>(page: Page<T>, keyOf: (node: T) => string) {
  const edges = page.nodes.map((node, i) => ({ cursor: encodeCursor(keyOf(node), page.ranks?.[i]), node }));
  const count = page.totalCount;
  return {
    edges,
    // A getter, read only when the query selects totalCount: a lazy count runs its statement then.
    get totalCount(): number | Promise<number> {
      return typeof count === 'function' ? count() : count;
    },
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
