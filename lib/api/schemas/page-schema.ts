import { z } from 'zod';

/** One page of a list: the items, how many there are in all, and the cursor of the next page (null on the last). */
export const toPageSchema = <T extends z.ZodType>(item: T, id: string) =>
  z
    .object({
      items: z.array(item),
      total: z.number().int().min(0),
      nextCursor: z.string().nullable().meta({ description: 'Pass as ?cursor= for the next page; null on the last page' }),
    })
    .meta({ id });
