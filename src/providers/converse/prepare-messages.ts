import type { ContentBlock, Message, SystemContentBlock } from '@aws-sdk/client-bedrock-runtime';
import type { ResolvedModel } from '../../catalog/resolved-model';
import { unsupportedFeature } from '../../common/errors/api-error';
import { fieldName, type InferenceRequest } from '../../inference/inference-request';
import { toBedrockToolUseId } from './tool-use-id';

export interface PreparedConversation {
  system: SystemContentBlock[];
  messages: Message[];
}

/** Refuses media the model cannot take (a dialect that knows the model's inputs refuses earlier, naming the part). */
function checkInputs(messages: Message[], req: InferenceRequest, model: ResolvedModel): void {
  const caps = model.profile.chat;
  for (const m of messages) {
    for (const b of m.content ?? []) {
      if (b.image && !caps.vision)
        throw unsupportedFeature(model.requested, 'image input', fieldName(req, 'messages'));
      if (b.document && !caps.documents)
        throw unsupportedFeature(model.requested, 'document input', fieldName(req, 'messages'));
    }
  }
}

/** Tool ids as Bedrock takes them, on both sides of each call (toolUse and toolResult stay paired). */
function bedrockToolIds(block: ContentBlock): ContentBlock {
  if (block.toolUse?.toolUseId !== undefined) {
    const id = toBedrockToolUseId(block.toolUse.toolUseId);
    return id === block.toolUse.toolUseId ? block : { toolUse: { ...block.toolUse, toolUseId: id } };
  }
  if (block.toolResult?.toolUseId !== undefined) {
    const id = toBedrockToolUseId(block.toolResult.toolUseId);
    return id === block.toolResult.toolUseId ? block : { toolResult: { ...block.toolResult, toolUseId: id } };
  }
  return block;
}

/**
 * Bedrock requires a text block in every message that carries a document ("A text block must be included
 * when using documents", docs/bedrock-protocol.md, "Documents"); other APIs do not. A file sent on its own
 * gets a line naming it.
 */
function textBesideDocuments(messages: Message[]): void {
  for (const m of messages) {
    const docs = m.content?.filter((b) => b.document) ?? [];
    if (docs.length > 0 && !m.content!.some((b) => b.text !== undefined)) {
      m.content!.push({ text: `(Attached: ${docs.map((d) => d.document!.name).join(', ')})` });
    }
  }
}

/**
 * Bedrock refuses two documents of one name in a request ("Messages can't contain duplicate document names");
 * clients send the same file name twice (two versions of report.pdf, the same file in two turns). A repeated
 * name gets a number: `report (2)`. The content arrays are the copies made below; blocks are replaced, not
 * changed.
 */
function uniqueDocumentNames(messages: Message[]): void {
  const taken = new Set<string>();
  for (const m of messages) {
    const content = m.content!;
    content.forEach((block, i) => {
      if (!block.document) return;
      const base = block.document.name ?? 'document';
      let name = base;
      for (let n = 2; taken.has(name); n++) name = `${base} (${n})`;
      taken.add(name);
      if (name !== base) content[i] = { document: { ...block.document, name } };
    });
  }
}

/**
 * The request's conversation as this model takes it, copied (the internal request is read again for every
 * call of an n > 1 request, so it is never changed):
 * - reasoning blocks from earlier turns are kept only for families that take them back (`keepReasoning`);
 *   a turn left empty is dropped and turns of one role merged again, so roles still alternate;
 * - tool ids are made valid for Bedrock, documents get unique names and a text block beside them;
 * - models without system prompts (Titan Text, Mistral 7B, Mixtral) get the system text at the start of the
 *   first user turn, which keeps every instruction the client gave.
 */
export function prepareConversation(
  req: InferenceRequest,
  model: ResolvedModel,
  keepReasoning: boolean,
): PreparedConversation {
  const messages: Message[] = [];
  for (const m of req.messages) {
    let content = (m.content ?? []).map(bedrockToolIds);
    if (!keepReasoning) content = content.filter((b) => !b.reasoningContent);
    if (content.length === 0) continue;
    const last = messages[messages.length - 1];
    if (last && last.role === m.role) last.content!.push(...content);
    else messages.push({ role: m.role, content });
  }
  checkInputs(messages, req, model);
  uniqueDocumentNames(messages);
  textBesideDocuments(messages);
  let system = req.system.slice();
  if (system.length > 0 && !model.profile.chat.systemPrompt) {
    const text = system
      .filter((b) => b.text !== undefined)
      .map((b) => b.text)
      .join('\n\n');
    // Only cache points and no text: nothing to move (and no cache points on these models anyway).
    if (text && messages[0]) messages[0].content!.unshift({ text });
    system = [];
  }
  return { system, messages };
}
