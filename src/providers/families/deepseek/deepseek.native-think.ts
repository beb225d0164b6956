import type { ContentBlock, ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import type { ConverseEventWriter } from '../../native/converse-events';
import type { TextSink } from '../../native/text-codec';

const OPEN = '<think>';
const CLOSE = '</think>';

/** Length of the longest end of `text` that could still grow into `marker`. */
function partialMarker(text: string, marker: string): number {
  for (let n = Math.min(marker.length - 1, text.length); n > 0; n -= 1)
    if (marker.startsWith(text.slice(text.length - n))) return n;
  return 0;
}

/**
 * DeepSeek R1 answers `reasoning</think>answer`: the prompt opens `<think>` for it (some deployments echo the
 * opening tag). Everything before `</think>` is reasoning; with no `</think>` at all the model never finished
 * thinking (cut by max_tokens), so all of it is reasoning.
 */
export function splitThinking(output: string): ContentBlock[] {
  let text = output.replace(/^\s*<think>/, '');
  const end = text.indexOf(CLOSE);
  const reasoning = (end >= 0 ? text.slice(0, end) : text).trim();
  text = end >= 0 ? text.slice(end + CLOSE.length).trimStart() : '';
  const blocks: ContentBlock[] = [];
  if (reasoning !== '') blocks.push({ reasoningContent: { reasoningText: { text: reasoning } } });
  if (text !== '' || blocks.length === 0) blocks.push({ text });
  return blocks;
}

/**
 * The same split over a stream, whatever the chunk boundaries: text that could be the start of `</think>`
 * (or whitespace that may precede it) is held back until the next chunk says what it was, so reasoning and
 * answer deltas concatenate to exactly what splitThinking gives for the whole text.
 */
export function thinkSink(writer: ConverseEventWriter): TextSink {
  let answering = false;
  let atStart = true;
  // Whether the start of the output was checked for an echoed `<think>` (done once, as splitThinking does).
  let openChecked = false;
  let pending = '';
  const flushReasoning = (text: string, out: ConverseStreamOutput[]) => {
    if (atStart) {
      text = text.trimStart();
      if (text !== '') atStart = false;
    }
    writer.reasoning(text, out);
  };
  return {
    push(text, out) {
      if (answering) {
        if (atStart) {
          text = text.trimStart();
          atStart = text === '';
        }
        writer.text(text, out);
        return;
      }
      pending += text;
      if (!openChecked) {
        if (OPEN.startsWith(pending.trimStart())) return;
        pending = pending.replace(/^\s*<think>/, '');
        openChecked = true;
      }
      const end = pending.indexOf(CLOSE);
      if (end >= 0) {
        flushReasoning(pending.slice(0, end).trimEnd(), out);
        const rest = pending.slice(end + CLOSE.length).trimStart();
        pending = '';
        answering = true;
        atStart = rest === '';
        writer.text(rest, out);
        return;
      }
      const partial = partialMarker(pending, CLOSE);
      const before = pending.slice(0, pending.length - partial);
      const hold = partial + before.length - before.trimEnd().length;
      flushReasoning(pending.slice(0, pending.length - hold), out);
      pending = pending.slice(pending.length - hold);
    },
    end(out) {
      if (!openChecked) pending = pending.replace(/^\s*<think>/, '');
      if (!answering) flushReasoning(pending.trimEnd(), out);
      pending = '';
    },
  };
}
