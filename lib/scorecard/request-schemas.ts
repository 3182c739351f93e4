import { z } from 'zod';

const text = z.string().trim().min(1, { error: 'must not be empty' });

/** POST /api/exemptions: an exemption needs a reason and a last day; there are no open-ended exemptions. */
export const ZExemptionRequest = z.strictObject({
  service: text.max(200),
  check: text.max(80),
  reason: text.max(2000),
  expires: z.iso.date({ error: 'expected a date, YYYY-MM-DD (the last day the exemption applies)' }),
});

/** DELETE /api/exemptions/:id: why it is revoked, for the audit record (optional). */
export const ZExemptionRevocation = z.strictObject({ reason: text.max(2000).optional() });

export const ZExternalResult = z.strictObject({
  service: text.max(200),
  check: text.max(80),
  status: z.enum(['pass', 'fail'], { error: 'expected "pass" or "fail"' }),
  details: z.string().max(4000).nullish(),
  url: z
    .url({ protocol: /^https?$/, error: 'expected an http(s) URL' })
    .max(2000)
    .nullish(),
});

export type ExemptionRequest = z.output<typeof ZExemptionRequest>;
export type ExternalResultInput = z.output<typeof ZExternalResult>;
