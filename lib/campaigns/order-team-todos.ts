import type { ServiceTodoListing } from './list-service-todos';
import type { TodoItem } from './plan-service-todo';

export type TeamTodoRow = {
  service: string;
  team: string | null;
  level: string;
  nextLevel: string;
  blocking: TodoItem[];
  /** The nearest deadline of a running campaign that asks for one of the blocking checks. */
  firstDeadline: string | null;
};

/**
 * A team's to-do across its services: only services with checks blocking their next level, those a campaign is
 * waiting on first (nearest deadline), then those closest to their next level (fewest blocking checks), then by name.
 */
export const orderTeamTodos = (listings: readonly ServiceTodoListing[]): TeamTodoRow[] =>
  listings
    .filter(({ todo }) => todo.nextLevel !== null && todo.blocking.length > 0)
    .map(({ scorecard, todo }) => {
      const deadlines = todo.blocking.flatMap((check) => (check.campaign ? [check.campaign.deadline] : [])).sort();
      return {
        service: scorecard.service,
        team: scorecard.team,
        level: scorecard.level,
        nextLevel: todo.nextLevel!,
        blocking: todo.blocking,
        firstDeadline: deadlines[0] ?? null,
      };
    })
    .sort(
      (a, b) =>
        (a.firstDeadline ?? '9999').localeCompare(b.firstDeadline ?? '9999') ||
        a.blocking.length - b.blocking.length ||
        a.service.localeCompare(b.service),
    );
