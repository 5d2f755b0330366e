import { isObjectType, type GraphQLSchema } from 'graphql';
import { relationKey } from '../db/json-select.js';

/**
 * Lets a relation read with its parent (server/db/json-select.ts: the parent carries it under its
 * `relationKey`) answer without its resolver. A page of 50 partnerships walks some 400 members'
 * JSTs: type-graphql's resolver wrapper (an instance lookup, parameters sorted and converted) cost
 * more than the rest of the field; one property read on the parent is all this costs a field that
 * was not read ahead. Root types are left alone: their parent is the request, never a row.
 */
export function answerPreloaded(schema: GraphQLSchema): GraphQLSchema {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || roots.has(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve) continue;
      const plainKey = relationKey(field.name, {});
      const keyOf = field.args.length === 0 ? () => plainKey : (args: Record<string, unknown>) => relationKey(field.name, args);
      field.resolve = (source, args, context, info) => {
        const read = (source as Record<string, unknown> | null | undefined)?.[keyOf(args)];
        return read !== undefined ? read : resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
