import { z } from 'zod';

/**
 * OTLP/HTTP JSON traces (opentelemetry.io, "OTLP Specification", JSON Protobuf encoding): the parts Waymark reads.
 * Ids are hex strings; 64-bit integers (times, intValue) may come as strings or numbers.
 */
const ZUint64 = z.union([z.string().regex(/^[0-9]+$/), z.number().int().nonnegative()]);

type AnyValue = {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string | number;
  doubleValue?: number;
  arrayValue?: { values?: AnyValue[] };
};
const ZAnyValue: z.ZodType<AnyValue> = z.lazy(() =>
  z.looseObject({
    stringValue: z.string().optional(),
    boolValue: z.boolean().optional(),
    intValue: z.union([z.string(), z.number()]).optional(),
    doubleValue: z.number().optional(),
    arrayValue: z.looseObject({ values: z.array(ZAnyValue).optional() }).optional(),
  }),
);
const ZAttributes = z.array(z.looseObject({ key: z.string().min(1), value: ZAnyValue })).optional();

export const ZOtlpTraces = z.looseObject({
  resourceSpans: z.array(
    z.looseObject({
      resource: z.looseObject({ attributes: ZAttributes }).optional(),
      scopeSpans: z.array(
        z.looseObject({
          spans: z.array(
            z.looseObject({
              traceId: z.string().regex(/^[0-9a-fA-F]{32}$/, { error: 'must be 32 hex digits' }),
              spanId: z.string().regex(/^[0-9a-fA-F]{16}$/, { error: 'must be 16 hex digits' }),
              name: z.string(),
              startTimeUnixNano: ZUint64,
              endTimeUnixNano: ZUint64,
              attributes: ZAttributes,
              status: z.looseObject({ code: z.number().int().optional() }).optional(),
            }),
          ),
        }),
      ),
    }),
  ),
});
export type OtlpTraces = z.infer<typeof ZOtlpTraces>;
export type OtlpSpan = OtlpTraces['resourceSpans'][number]['scopeSpans'][number]['spans'][number];
export type OtlpAttributes = z.infer<typeof ZAttributes>;

/** Attributes as a plain map: strings, numbers and booleans as they are; arrays joined with commas. */
export const flattenAttributes = (attributes: OtlpAttributes): Map<string, string> => {
  const out = new Map<string, string>();
  const read = (value: AnyValue): string | null => {
    if (value.stringValue !== undefined) return value.stringValue;
    if (value.intValue !== undefined) return String(value.intValue);
    if (value.doubleValue !== undefined) return String(value.doubleValue);
    if (value.boolValue !== undefined) return String(value.boolValue);
    if (value.arrayValue)
      return (value.arrayValue.values ?? [])
        .map(read)
        .filter((item) => item !== null)
        .join(',');
    return null;
  };
  for (const attribute of attributes ?? []) {
    const value = read(attribute.value);
    if (value !== null) out.set(attribute.key, value);
  }
  return out;
};
