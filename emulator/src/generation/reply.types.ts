/** The assistant turn the engine produces, before it is rendered as Converse JSON or stream events. */
export type OutBlock =
  | { kind: 'reasoning'; text: string; signature?: string }
  | { kind: 'text'; text: string }
  | { kind: 'toolUse'; toolUseId: string; name: string; input: unknown };

export type StopReason = 'end_turn' | 'tool_use' | 'max_tokens' | 'stop_sequence';

export interface FinalReply {
  blocks: OutBlock[];
  stopReason: StopReason;
  /** The stop sequence that ended the text, when stopReason is stop_sequence. */
  stopSequence?: string;
  outputTokens: number;
}
