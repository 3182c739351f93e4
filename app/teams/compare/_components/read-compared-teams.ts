import type { SearchParams } from '../../../_components/filters/read-filters';
import { MAX_COMPARED } from './team-lines';

/**
 * The teams to compare from the address: `teams=a,b` or `teams=a&teams=b` (the picker's checkboxes), only known
 * teams, at most MAX_COMPARED; none given means the first known teams.
 */
export const readComparedTeams = (search: SearchParams, known: string[]) => {
  const asked = [search.teams ?? []].flat().flatMap((value) => value.split(',')).map((team) => team.trim());
  const chosen = [...new Set(asked.filter((team) => known.includes(team)))];
  return (chosen.length > 0 ? chosen : known).slice(0, MAX_COMPARED);
};
