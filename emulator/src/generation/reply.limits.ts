import type { FinalReply, OutBlock, StopReason } from './reply.types';
import { countWords, toolUseTokens } from './tokens';
import { firstWords } from './words';

function cost(block: OutBlock): number {
  return block.kind === 'toolUse' ? toolUseTokens(block.input) : countWords(block.text);
}

function firstStop(text: string, stopSequences: string[]): { at: number; sequence: string } | undefined {
  let best: { at: number; sequence: string } | undefined;
  for (const sequence of stopSequences) {
    const at = text.indexOf(sequence);
    if (at >= 0 && (!best || at < best.at)) best = { at, sequence };
  }
  return best;
}

/**
 * Applies stop sequences (text is cut before the first one found, and nothing follows it) and then
 * `maxTokens` (output is cut at the budget, word by word; a tool call that doesn't fit is dropped).
 */
export function applyLimits(
  planned: OutBlock[],
  maxTokens: number,
  stopSequences: string[] = [],
): FinalReply {
  const blocks: OutBlock[] = [];
  let stopReason: StopReason | undefined;
  let stopSequence: string | undefined;
  let left = maxTokens;

  for (const block of planned) {
    let current = block;
    if (current.kind === 'text' && stopSequences.length > 0) {
      const stop = firstStop(current.text, stopSequences);
      if (stop) {
        current = { kind: 'text', text: current.text.slice(0, stop.at) };
        stopReason = 'stop_sequence';
        stopSequence = stop.sequence;
      }
    }
    const tokens = cost(current);
    if (tokens > left) {
      if (current.kind !== 'toolUse' && left > 0) {
        blocks.push({ ...current, text: firstWords(current.text, left) });
        left = 0;
      }
      stopReason = 'max_tokens';
      stopSequence = undefined;
      break;
    }
    blocks.push(current);
    left -= tokens;
    if (stopReason) break;
  }

  if (!blocks.some((b) => b.kind !== 'reasoning')) blocks.push({ kind: 'text', text: '' });
  const outputTokens = blocks.reduce((n, b) => n + cost(b), 0);
  const endsWithTool = blocks[blocks.length - 1].kind === 'toolUse';
  return {
    blocks,
    stopReason: stopReason ?? (endsWithTool ? 'tool_use' : 'end_turn'),
    stopSequence,
    outputTokens,
  };
}
