// A failure an agent can act on: the message says what is wrong and what to do next (name a
// project, pick a known release, configure a source). Tools turn it into their error result.
export class AgentToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AgentToolError';
  }
}
