/**
 * Settings a client or one call can be given: per-call {@link
 * dev.hedgekit.posthog.config.RequestOptions}, the {@link dev.hedgekit.posthog.config.RetryPolicy},
 * client-side {@link dev.hedgekit.posthog.config.RateLimits} per PostHog
 * {@link dev.hedgekit.posthog.config.LimitClass}, the HTTP log level, and the
 * {@link dev.hedgekit.posthog.config.Sleeper} tests use to wait without waiting.
 */
package dev.hedgekit.posthog.config;
