/**
 * The hedgekit PostHog SDK: a client of PostHog's management API ({@link
 * dev.hedgekit.posthog.PostHogClient}), its configuration, errors, pagination, query API,
 * typed resource groups and the toolkit of actions by slug. Packages under
 * {@code dev.hedgekit.posthog.internal} are not exported.
 */
module dev.hedgekit.posthog {
  requires transitive dev.hedgekit.posthog.generated;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires org.apache.httpcomponents.client5.httpclient5;
  requires org.apache.httpcomponents.core5.httpcore5;
  requires org.slf4j;

  exports dev.hedgekit.posthog;
  exports dev.hedgekit.posthog.config;
  exports dev.hedgekit.posthog.errors;
  exports dev.hedgekit.posthog.pagination;
  exports dev.hedgekit.posthog.query;
  exports dev.hedgekit.posthog.resources;
  exports dev.hedgekit.posthog.toolkit;

}
