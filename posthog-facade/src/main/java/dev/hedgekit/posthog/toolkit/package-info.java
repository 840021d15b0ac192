/**
 * PostHog API calls by action slug with a map of parameters, for tool-calling agents and
 * scripts: {@link dev.hedgekit.posthog.toolkit.Toolkit} (from
 * {@code PostHogClient.toolkit()}) runs, validates, lists and describes the actions of the
 * curated spec and exports them as OpenAI or Anthropic tool definitions; every call ends in an
 * {@link dev.hedgekit.posthog.toolkit.ToolResult}, never an exception.
 */
package dev.hedgekit.posthog.toolkit;
