/**
 * The one family of failures every call can end in: {@link
 * dev.hedgekit.posthog.errors.PostHogException} and its subclasses, from PostHog's answers
 * ({@link dev.hedgekit.posthog.errors.PostHogApiException}, one subclass per status meaning)
 * to the network ({@link dev.hedgekit.posthog.errors.PostHogIoException}), bodies that cannot
 * be read or written, oversized responses and failed queries.
 */
package dev.hedgekit.posthog.errors;
