import { createBackendModule } from '@backstage/backend-plugin-api';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import { waymarkScorecardFactRetriever } from './waymark-scorecard-fact-retriever';

/**
 * Adds the Waymark fact retriever to the Tech Insights backend. In packages/backend/src/index.ts:
 *   backend.add(import('@internal/backstage-plugin-tech-insights-backend-module-waymark'));
 * and schedule it in app-config.yaml under techInsights.factRetrievers.waymarkScorecardFactRetriever (README).
 */
export default createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'waymark',
  register(env) {
    env.registerInit({
      deps: { providers: techInsightsFactRetrieversExtensionPoint },
      async init({ providers }) {
        providers.addFactRetrievers({ waymarkScorecardFactRetriever });
      },
    });
  },
});
