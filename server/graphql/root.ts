/**
 * The type to give a field resolver's `@Root()` parameter. type-graphql turns a root that is not an
 * instance of the parameter's class into one, once per row per field: for a MikroORM entity that is
 * `new Partnership()` with a Collection per relation, several times the cost of the field itself.
 * Lists resolve plain rows (server/partnership/partnership-read.ts), so roots are typed with this
 * mapped type, which decorator metadata emits as `Object`: type-graphql then hands the row over as it is.
 */
export type RootOf<T> = Readonly<T>;
