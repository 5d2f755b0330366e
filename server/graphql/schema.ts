import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AuditResolver, PartnershipHistoryResolver } from '../audit/audit.resolver.js';
import { TokenResolver } from '../auth/token.resolver.js';
import { CoverageResolver, CoverageRowResolver } from '../coverage/coverage.resolver.js';
import { ImportResolver } from '../import/import.resolver.js';
import { JstResolver } from '../jst/jst.resolver.js';
import { FunctionalAreaResolver } from '../partnership/functional-area.js';
import { PartnershipMutations } from '../partnership/partnership.mutations.js';
import { MembershipResolver, ParticipationResolver, PartnershipResolver } from '../partnership/partnership.resolver.js';
import { ProgrammeMutations } from '../programme/programme.mutations.js';
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
      PartnershipMutations,
      ProgrammeMutations,
      AuditResolver,
      PartnershipHistoryResolver,
      ImportResolver,
      TokenResolver,
    ],
    validate: false,
    emitSchemaFile: false,
  });
  return built;
}
