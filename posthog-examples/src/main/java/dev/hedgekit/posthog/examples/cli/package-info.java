/**
 * The command line for PostHog actions by slug ({@link
 * dev.hedgekit.posthog.examples.cli.PostHogCli}, built as {@code target/posthog-cli.jar}): list
 * and describe the actions, run one with {@code key=value} parameters, print tool definitions
 * for OpenAI or Anthropic for a selection of actions, and serve them to MCP clients.
 */
package dev.hedgekit.posthog.examples.cli;
