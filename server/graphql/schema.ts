import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { CoverageResolver, CoverageRowResolver } from '../coverage/coverage.resolver.js';
import { JstResolver } from '../jst/jst.resolver.js';
import { FunctionalAreaResolver } from '../partnership/functional-area.js';
import { MembershipResolver, ParticipationResolver, PartnershipResolver } from '../partnership/partnership.resolver.js';
import { ProgrammeResolver } from '../programme/programme.resolver.js';

let built: Promise<GraphQLSchema> | undefined;

/** The API's schema, built once from the resolvers. Validation is the services' job. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [
      JstResolver,
      PartnershipResolver,
      MembershipResolver,
      ParticipationResolver,
      FunctionalAreaResolver,
      ProgrammeResolver,
      CoverageResolver,
      CoverageRowResolver,
    ],
    validate: false,
    emitSchemaFile: false,
  });
  return built;
}
