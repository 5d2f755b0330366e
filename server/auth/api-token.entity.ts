import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Role } from './role.js';

/** An API token; only a hash of the secret is stored, so a database leak reveals no usable token. */
@Entity({ tableName: 'api_token' })
export class ApiToken {
  @PrimaryKey()
  id!: number;

  @Property({ type: 'text', unique: true })
  name!: string;

  @Enum({ items: () => Role })
  role!: Role;

  @Property({ type: 'json', nullable: true })
  voivodeships?: string[] | null;

  @Property({ type: 'text', unique: true })
  tokenHash!: string;

  @Property({ type: 'Date', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'Date', nullable: true })
  revokedAt?: Date | null;
}
