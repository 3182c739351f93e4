/** The UTC day (YYYY-MM-DD) of a moment, or of a day string (which may carry a time). */
export const formatDay = (value: Date | string) => (typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10));
