// How every MCP tool answers: compact text first (what a model reads), then the same document as
// JSON text for clients without structured content, and the document as `structuredContent`.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { redact } from '../../api/redact';

export function toolResult(text: string, document: object): CallToolResult {
  return {
    content: [
      { type: 'text', text },
      { type: 'text', text: JSON.stringify(document) },
    ],
    structuredContent: document as Record<string, unknown>,
  };
}

/**
 * Runs a tool's work; a failure becomes an error result the agent can act on (the SDK's own
 * wrapping would lose the API client's `userMessage`). The token never leaves in a message.
 */
export async function answering(token: string | undefined, work: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await work();
  } catch (err) {
    const e = err as Error & { userMessage?: string };
    const message = e?.userMessage ?? e?.message ?? String(err);
    return { isError: true, content: [{ type: 'text', text: redact(message, token) }] };
  }
}
