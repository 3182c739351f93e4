import { listServices } from '@/lib/catalog/list-services';
import { getDb } from '@/lib/db/client';
import { getDefaultDays } from './get-default-days';
import { readFilters, toScope, type DashboardFilters, type SearchParams } from './read-filters';
import { resolveWindow } from './resolve-window';

/**
 * The filters of a page that can be scoped to a team or a service, checked against the catalog: a team or service
 * nobody reported is named in `unknown` (the page says so) instead of failing every widget.
 */
export const readScopeFilters = async (params: SearchParams) => {
  const defaultDays = getDefaultDays();
  const filters: DashboardFilters = readFilters(params, defaultDays);
  const services = await listServices({ db: await getDb() });
  const teams = [...new Set(services.flatMap((service) => (service.team ? [service.team] : [])))].sort();
  const unknown = filters.service && !services.some((service) => service.name === filters.service) ? `service “${filters.service}”` : filters.team && !teams.includes(filters.team) ? `team “${filters.team}”` : null;
  const scopeLabel = filters.service ?? filters.team ?? 'the organization';
  const scope = toScope(filters);
  const { window, days } = await resolveWindow(filters, scope);
  return { defaultDays, filters, window, days, scope, scopeLabel, teams, services: services.map((service) => service.name), unknown };
};
