import { describe, expect, it } from '@jest/globals';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType, type GraphQLSchema } from 'graphql';
import { buildAppSchema } from '../../server/graphql/schema.js';

/** Whether a description says something (not missing, not blank). */
const said = (description: string | null | undefined) => Boolean(description?.trim());

/**
 * Every element of the API a client sees in GraphiQL or generated types without a description:
 * types (objects, interfaces, unions, inputs, enums, custom scalars), fields, their arguments, input
 * fields and enum values, named as `Type`, `Type.field`, `Type.field(arg)` and `Enum.VALUE`.
 * graphql-js's own types (`__Schema`, `String`, …) are described by graphql-js.
 */
export function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    if (!said(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!said(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (!said(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (!said(field.description)) missing.push(`${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) if (!said(value.description)) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing.sort();
}

describe('schema descriptions', () => {
  it('describes every type, field, argument, input field and enum value', async () => {
    expect(undescribed(await buildAppSchema())).toEqual([]);
  });
});
