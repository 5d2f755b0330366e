import { createHash, randomBytes } from 'node:crypto';
import { AuditService } from '../audit/audit.service.js';
import type { Em } from '../db/orm.js';
import { parseVoivodeship } from '../input/teryt.js';
import { InputError, UnauthenticatedError } from '../shared/errors.js';
import { ApiToken } from './api-token.entity.js';
import { Role, type Actor } from './role.js';

const PREFIX = 'atlas_';

/** SHA-256 of the secret: tokens are long random strings, so a fast hash is enough (no guessing). */
export const hashToken = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

export interface CreatedToken {
  name: string;
  role: Role;
  voivodeships: string[] | null;
  /** Shown once, at creation; only its hash is kept. */
  secret: string;
}

/** Creates, revokes and checks API tokens. */
export class TokenService {
  constructor(private readonly em: Em) {}

  /**
   * Creates a token and records who did it (`by`: the admin token's name, or `cli:<user>`) in the
   * audit trail, in one transaction; the entry names the token, its role and województwa, never the secret.
   */
  async create(name: string, role: Role, voivodeships: string[] | null, by = 'system'): Promise<CreatedToken> {
    if (!/^[\p{L}\p{N}][\p{L}\p{N} ._@-]{0,79}$/u.test(name)) throw new InputError('name', 'token name is 1–80 letters, digits, spaces, ".", "_", "@" or "-"');
    if (!Object.values(Role).includes(role)) throw new InputError('role', `role must be one of ${Object.values(Role).join(', ')}`);
    if (voivodeships) {
      if (role === Role.ADMIN) throw new InputError('voivodeships', 'an admin token cannot be limited to województwa');
      for (const v of voivodeships) {
        parseVoivodeship('voivodeships', v);
      }
    }
    const regions = voivodeships?.length ? voivodeships : null;
    const secret = `${PREFIX}${randomBytes(32).toString('base64url')}`;
    await this.em.transactional(async (tx) => {
      if (await tx.findOne(ApiToken, { name })) throw new InputError('name', `a token named "${name}" exists already`);
      tx.create(ApiToken, { name, role, voivodeships: regions, tokenHash: hashToken(secret), createdAt: new Date() });
      new AuditService(tx as Em).record(by, { action: 'CREATE_TOKEN', entity: 'token', entityKey: name, after: { name, role, voivodeships: regions } });
    });
    return { name, role, voivodeships: regions, secret };
  }

  /** Revokes a token at once and records who did it (see {@link create}). */
  async revoke(name: string, by = 'system'): Promise<void> {
    await this.em.transactional(async (tx) => {
      const token = await tx.findOne(ApiToken, { name, revokedAt: null });
      if (!token) throw new InputError('name', `no active token named "${name}"`);
      const before = { name, role: token.role, voivodeships: token.voivodeships ?? null, revokedAt: null };
      token.revokedAt = new Date();
      new AuditService(tx as Em).record(by, { action: 'REVOKE_TOKEN', entity: 'token', entityKey: name, before, after: { ...before, revokedAt: token.revokedAt.toISOString() } });
    });
  }

  async list(): Promise<ApiToken[]> {
    return this.em.find(ApiToken, {}, { orderBy: { name: 'asc' } });
  }

  /**
   * The actor behind an `Authorization` header: null without one (anonymous reader);
   * UnauthenticatedError for a malformed, unknown or revoked token.
   */
  async actorFor(authorization: string | undefined): Promise<Actor | null> {
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw new UnauthenticatedError('the Authorization header must be "Bearer <token>"');
    const token = await this.em.findOne(ApiToken, { tokenHash: hashToken(match[1]!) });
    if (!token) throw new UnauthenticatedError('the API token is not known');
    if (token.revokedAt) throw new UnauthenticatedError('the API token was revoked');
    return { name: token.name, role: token.role, voivodeships: token.voivodeships ?? null };
  }
}
