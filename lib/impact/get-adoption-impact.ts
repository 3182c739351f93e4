import { cacheByRevision } from '../db/cache-by-revision';
import { describeStoredImpact } from './describe-stored-impact';
import { getStoredImpact } from './get-stored-impact';
import type { ImpactRequest } from './load-impact-inputs';
import { measureAdoptionImpact, type AdoptionImpact } from './measure-adoption-impact';

/**
 * The adoption-impact analysis a request asks for (the API and the CLI): from the stored analysis when it is kept
 * ready and current (one check is cut out of it), otherwise measured, once per data revision however many ask.
 */
export const getAdoptionImpact = async (request: ImpactRequest): Promise<AdoptionImpact> => {
  const { db, check, ...inputs } = request;
  const named = describeStoredImpact(inputs);
  const stored = named ? await getStoredImpact({ db, windowDays: inputs.windowDays ?? 30, now: inputs.now }) : null;
  if (stored?.current) {
    if (check === undefined) return stored.impact;
    const subjects = stored.impact.subjects.filter(({ subject }) => subject.kind === 'check' && subject.id === check);
    const skipped = stored.impact.skipped.filter((entry) => entry.check === check);
    // An unknown check is refused by the measurement's own validation, with the same message.
    if (subjects.length + skipped.length > 0) return { ...stored.impact, subjects, skipped };
  }
  if (request.standards || request.options || !named) return measureAdoptionImpact(request);
  return cacheByRevision(db, `impact:${check ?? '*'}:${named}`, () => measureAdoptionImpact(request));
};

