import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AuditResolver, PartnershipHistoryResolver } from '../audit/audit.resolver.js';
import { TokenResolver } from '../auth/token.resolver.js';
import { MapColourResolver } from '../colour/map-colour.resolver.js';
import { ChangesResolver, MembershipChangeResolver, PartnershipChangeResolver } from '../changes/changes.resolver.js';
import { CoverageResolver, CoverageRowResolver } from '../coverage/coverage.resolver.js';
import { DatasetResolver } from '../dataset/dataset.resolver.js';
import { VersionsResolver } from '../dataset/versions.resolver.js';
import { ImportResolver } from '../import/import.resolver.js';
import { JstResolver } from '../jst/jst.resolver.js';
import { FunctionalAreaResolver } from '../partnership/functional-area.js';
import { PartnershipMutations } from '../partnership/partnership.mutations.js';
import { MembershipResolver, ParticipationResolver, PartnershipResolver } from '../partnership/partnership.resolver.js';
import { JstCodesResolver } from '../jst/teryt-code.resolver.js';
import { LoadedInferredResolver, PartnershipMemberBasisResolver } from '../partnership/member-basis.js';
import { CoveragePopulationResolver, JstPopulationResolver, PartnershipPopulationResolver } from '../population/population.resolver.js';
import { ProgrammeMutations } from '../programme/programme.mutations.js';
import { ProgrammeResolver } from '../programme/programme.resolver.js';
import { answerPreloaded } from './preloaded.js';

let built: Promise<GraphQLSchema> | undefined;

/** The root types, which type-graphql builds without a description. */
function describeRoots(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query) query.description = 'Reads: public, without a token (except `tokens`, admin only). Lookups by key answer null for a key the atlas does not have';
  if (mutation) mutation.description = 'Writes: each needs `Authorization: Bearer <token>` of an editor or admin (docs/authorization.md) and is recorded in the history';
  return schema;
}

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
      MapColourResolver,
      PartnershipMutations,
      ProgrammeMutations,
      AuditResolver,
      PartnershipHistoryResolver,
      ImportResolver,
      TokenResolver,
      DatasetResolver,
      ChangesResolver,
      MembershipChangeResolver,
      PartnershipChangeResolver,
      VersionsResolver,
      // ---- people ----
      JstCodesResolver,
      JstPopulationResolver,
      PartnershipPopulationResolver,
      PartnershipMemberBasisResolver,
      LoadedInferredResolver,
      CoveragePopulationResolver,
    ],
    validate: false,
    emitSchemaFile: false,
  })
    .then(describeRoots)
    .then(answerPreloaded);
  return built;
}
