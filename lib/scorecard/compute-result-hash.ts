import { stableHash } from '../domain/stable-hash';

type ResultLike = { status: string; checkHash: string; evidence: unknown; exemption: unknown };

/**
 * What makes two results of a check the same: status, check version, evidence and exemption. The commit and
 * the facts' collection time are not part of it, so a push that changes nothing the check looks at writes no row.
 */
export const computeResultHash = (result: ResultLike) =>
  stableHash({ status: result.status, checkHash: result.checkHash, evidence: result.evidence ?? null, exemption: result.exemption ?? null });
