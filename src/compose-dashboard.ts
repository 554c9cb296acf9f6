import type { Services } from './compose-services';
import type { Clock } from './core/ports';
import { staffActions } from './features/staff-actions';
import type { FeatureDeps } from './features/types';
import type { DashboardOptions } from './server/dashboard-options';
import { reportLabels } from './stats/report-labels';

/**
 * What the staff dashboard is given, from the services and the content in use: `deps` is read when
 * asked, since the content may have been reloaded since the start.
 */
export function dashboardOptions(w: {
  readonly services: Services;
  readonly deps: () => FeatureDeps;
  readonly forms: DashboardOptions['forms'];
  readonly clock: Clock;
  readonly secureCookies: boolean;
}): DashboardOptions {
  const { services, deps, clock } = w;
  return {
    sessions: services.dashboard,
    roles: services.roles,
    reports: services.stats.reports,
    labels: (locale) => reportLabels(deps().kb, deps().t, locale),
    nearestTopics: (text) =>
      deps()
        .qa.decide(text)
        .match.candidates.slice(0, 3)
        .map((c) => ({ id: c.topic, title: deps().qa.topic(c.topic)?.title ?? c.topic })),
    postal: services.postal,
    tickets: services.handoff,
    actions: staffActions(deps, () => clock.now()),
    forms: w.forms,
    secureCookies: w.secureCookies,
    clock,
  };
}
