/** How each compared team is drawn: a colour and a dash pattern, so the lines differ without colour too. */
export const TEAM_LINES = [
  { colour: 'var(--chart-1)', dash: undefined, dashName: 'solid' },
  { colour: 'var(--chart-3)', dash: '6 3', dashName: 'dashed' },
  { colour: 'var(--chart-2)', dash: '2 3', dashName: 'dotted' },
  { colour: 'var(--chart-4)', dash: '10 3 2 3', dashName: 'dash-dot' },
  { colour: 'var(--chart-5)', dash: '12 4', dashName: 'long dashes' },
  { colour: 'var(--chart-6)', dash: '3 6', dashName: 'sparse dots' },
] as const;

/** The most teams one comparison draws: more lines than this cannot be told apart. */
export const MAX_COMPARED = TEAM_LINES.length;
