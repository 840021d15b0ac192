/**
 * PostHog's lists: one {@link dev.hedgekit.posthog.pagination.Page}, or every item through a
 * lazy {@link dev.hedgekit.posthog.pagination.Pager} that follows PostHog's links one page at a
 * time, only on the configured host and base path.
 */
package dev.hedgekit.posthog.pagination;
