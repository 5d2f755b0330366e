import { registerEnumType } from 'type-graphql';

/**
 * Registers a TypeScript enum as a GraphQL enum with a description of the type and of every value.
 * `values` must name each member, so a value added to the enum without a description fails to compile.
 */
export function registerDescribedEnum<E extends Record<string, string>>(enumObject: E, name: string, description: string, values: Record<keyof E, string>): void {
  const valuesConfig = Object.fromEntries(Object.entries(values).map(([key, text]) => [key, { description: text }]));
  registerEnumType(enumObject, { name, description, valuesConfig: valuesConfig as Partial<Record<keyof E, { description: string }>> });
}
