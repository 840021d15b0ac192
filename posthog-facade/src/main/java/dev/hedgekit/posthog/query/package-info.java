/**
 * PostHog's query API: run HogQL and other query nodes
 * ({@link dev.hedgekit.posthog.query.QueryNodes}) with {@link dev.hedgekit.posthog.query.Query},
 * blocking, started and polled ({@link dev.hedgekit.posthog.query.QueryRun},
 * {@link dev.hedgekit.posthog.query.PollOptions}), or as a future.
 */
package dev.hedgekit.posthog.query;
