/**
 * Typed resource groups, one per API area (feature flags, insights, dashboards, persons, ...),
 * reached from a project or organization scope. Each adds what the generated interfaces do not:
 * names that say what a call does, soft delete where PostHog forbids a hard one, checks before
 * sending, and lazy pagination. Every operation is also reachable through
 * {@code PostHogClient.generated(...)}.
 */
package dev.hedgekit.posthog.resources;
