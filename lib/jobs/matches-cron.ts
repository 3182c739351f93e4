const FIELDS: [min: number, max: number][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 6],
];

const parseField = (field: string, [min, max]: [number, number]): Set<number> | null => {
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) return null;
    const step = match[4] ? Number(match[4]) : 1;
    const from = match[1] === '*' ? min : Number(match[2]);
    const to = match[1] === '*' ? max : match[3] ? Number(match[3]) : match[4] ? max : from;
    if (from < min || to > max || from > to || step < 1) return null;
    for (let value = from; value <= to; value += step) values.add(value);
  }
  return values;
};

/**
 * Whether a five-field cron expression (minute hour day-of-month month day-of-week, UTC; `*`, lists, ranges and
 * steps) fires at the given minute; null when the expression is invalid. Used by the in-process scheduler; pg-boss
 * parses schedules itself.
 */
export const matchesCron = (expression: string, at: Date): boolean | null => {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) return null;
  const sets = fields.map((field, index) => parseField(field, FIELDS[index]!));
  if (sets.some((set) => set === null)) return null;
  const [minutes, hours, days, months, weekdays] = sets as Set<number>[];
  const dayMatches = fields[2] === '*' || fields[4] === '*' ? days!.has(at.getUTCDate()) && weekdays!.has(at.getUTCDay()) : days!.has(at.getUTCDate()) || weekdays!.has(at.getUTCDay());
  return minutes!.has(at.getUTCMinutes()) && hours!.has(at.getUTCHours()) && months!.has(at.getUTCMonth() + 1) && dayMatches;
};
