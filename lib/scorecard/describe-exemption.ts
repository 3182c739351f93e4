import type { exemptions } from '../db/schema';
import type { FileExemption } from './standards-schema';
import type { ActiveExemption } from './scorecard-types';

/** One shape for an exemption from the standards file (id `file:<service>/<check>`) or granted through the API. */
export const describeExemption = (exemption: FileExemption | typeof exemptions.$inferSelect): ActiveExemption =>
  'checkId' in exemption
    ? {
        id: exemption.id,
        source: 'api',
        service: exemption.service,
        check: exemption.checkId,
        reason: exemption.reason,
        expires: exemption.expires,
        createdBy: exemption.createdBy,
        createdAt: exemption.createdAt.toISOString(),
      }
    : { id: `file:${exemption.service}/${exemption.check}`, source: 'file', ...exemption, createdBy: null, createdAt: null };
