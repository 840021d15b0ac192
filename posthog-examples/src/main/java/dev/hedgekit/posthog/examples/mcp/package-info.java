/**
 * An MCP server for PostHog actions ({@link dev.hedgekit.posthog.examples.mcp.PostHogMcpServer}),
 * on the official MCP Java SDK over stdio: the command line's {@code mcp} command serves the
 * actions a {@link dev.hedgekit.posthog.toolkit.ToolSelection} chooses, one tool per action or
 * two compact tools, each call answering the toolkit's {@code {data, successful, error}}
 * envelope.
 */
package dev.hedgekit.posthog.examples.mcp;
