import { Field, InputType } from 'type-graphql';
import { InputError } from './errors.js';
import type { SourceData } from './source.js';

@InputType({ description: 'Where a fact comes from' })
export class SourceInput {
  @Field({ description: 'An http(s) URL, or seeds/<file> for a document shipped with the project' })
  ref!: string;

  @Field(() => String, { nullable: true, description: 'The sentence of the source that states the fact' })
  quote?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

/** Every written fact names where it comes from: at least one source, each a URL or a seed document. */
export function checkSources(field: string, sources: readonly SourceInput[] | null | undefined): SourceData[] {
  if (!sources?.length) throw new InputError(field, 'at least one source is required (a public URL or seeds/<file>)');
  if (sources.length > 20) throw new InputError(field, 'at most 20 sources');
  return sources.map((s, i) => {
    const ref = s.ref.trim();
    if (!/^(https?:\/\/[^\s]{3,2000}|seeds\/[\w.-]{1,200})$/.test(ref)) throw new InputError(`${field}[${i}].ref`, 'must be an http(s) URL or seeds/<file>');
    if ((s.quote?.length ?? 0) > 5000) throw new InputError(`${field}[${i}].quote`, 'a quote is limited to 5,000 characters');
    return { ref, ...(s.quote ? { quote: s.quote } : {}), ...(s.note ? { note: s.note } : {}) };
  });
}
