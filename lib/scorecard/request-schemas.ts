import { z } from 'zod';
import { INPUT_LIMITS } from '../validation/input-limits';
import { httpUrl } from '../validation/storable-schemas';

const text = z.string().trim().min(1, { error: 'must not be empty' });

/** POST /api/exemptions: an exemption needs a reason and a last day; there are no open-ended exemptions. */
/** POST /api/acknowledgements: an owner's note on a failing check of one of their services. */
export const ZAcknowledgement = z.strictObject({
  service: text.max(200),
  check: text.max(80),
  note: text.max(2000),
});

export const ZExemptionRequest = z.strictObject({
  service: text.max(200),
  check: text.max(80),
  reason: text.max(2000),
  expires: z.iso
    .date({ error: 'expected a date, YYYY-MM-DD (the last day the exemption applies)' })
    .refine((day) => day < INPUT_LIMITS.latest.slice(0, 10), `must be before ${INPUT_LIMITS.latest.slice(0, 10)}`),
});

/** POST /api/exemptions/:id/decision: the platform team's answer to an owner's request. */
export const ZExemptionDecision = z.strictObject({ decision: z.enum(['approve', 'reject']), note: text.max(2000).optional() });

/** DELETE /api/exemptions/:id: why it is revoked, for the audit record (optional). */
export const ZExemptionRevocation = z.strictObject({ reason: text.max(2000).optional() });

export const ZExternalResult = z.strictObject({
  service: text.max(200),
  check: text.max(80),
  status: z.enum(['pass', 'fail'], { error: 'expected "pass" or "fail"' }),
  details: z.string().max(4000).nullish(),
  url: httpUrl.nullish(),
});

export type ExemptionRequest = z.output<typeof ZExemptionRequest>;
export type ExternalResultInput = z.output<typeof ZExternalResult>;
