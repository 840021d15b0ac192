/**
 * The client: {@link dev.hedgekit.posthog.PostHogClient}, built by
 * {@link dev.hedgekit.posthog.PostHogClientBuilder} (or from the {@code POSTHOG_*} environment
 * variables), and its two scopes shaped like PostHog's URLs:
 * {@link dev.hedgekit.posthog.ProjectScope} for everything under {@code /api/projects/{id}/}
 * and {@link dev.hedgekit.posthog.OrganizationScope} for everything under
 * {@code /api/organizations/{id}/}.
 */
package dev.hedgekit.posthog;
