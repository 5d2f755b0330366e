import { ApiToken } from '../auth/api-token.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { Jst } from '../jst/jst.entity.js';
import { Membership, Partner, UnmatchedMember } from '../partnership/membership.entity.js';
import { Participation } from '../partnership/participation.entity.js';
import { Partnership } from '../partnership/partnership.entity.js';
import { Programme, ProgrammePhase, ReportedFigure } from '../programme/programme.entity.js';

/** Every entity, listed explicitly so discovery needs no file scanning. */
export const entities = [Jst, Programme, ProgrammePhase, ReportedFigure, Partnership, Membership, Partner, Participation, UnmatchedMember, ApiToken, AuditEntry];
