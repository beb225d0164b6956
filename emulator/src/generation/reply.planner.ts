import type { CatalogModel } from '../catalog/catalog.types';
import type { ConverseRequest, ToolSpec } from '../engine/converse.types';
import { conversationFacts, type ConversationFacts } from './conversation.facts';
import { signReasoning } from './reasoning.signature';
import type { OutBlock } from './reply.types';
import { sampleFromSchema } from './schema.sample';
import { chooseFollowUpCalls, chooseToolCalls } from './tool-calls';
import { toolUseId } from './tool-use.id';
import { exactWords, firstWords } from './words';

export interface PlanInput {
  model: CatalogModel;
  request: ConverseRequest;
  /** The raw request body: tool-use ids are derived from it. */
  rawBody: Buffer;
  replyWords?: number;
  /** Claude extended thinking budget, when thinking is enabled. */
  thinkingBudget?: number;
}

/** The text answer: echo the last user turn, or report the tool results it carries. */
export function answerText(facts: ConversationFacts): string {
  const parts = facts.toolResults.map((r) => `Tool ${r.name} returned: ${r.result}`);
  const said = [facts.lastUserText, ...facts.attachments].filter((s) => s.length > 0).join(' ');
  if (said.length > 0 || parts.length === 0) parts.push(`You said: ${said}`);
  return parts.join(' ');
}

/** Names of every tool the conversation has called so far. */
function calledTools(request: ConverseRequest): Set<string> {
  const names = new Set<string>();
  for (const m of request.messages ?? [])
    for (const b of m.content ?? []) if (b.toolUse) names.add(b.toolUse.name);
  return names;
}

/** This turn's tool calls: from the user's words, or — right after tool results — from what the results name. */
function plannedCalls(request: ConverseRequest, facts: ConversationFacts): ToolSpec[] {
  const specs = toolSpecs(request);
  if (facts.toolResults.length === 0)
    return chooseToolCalls(specs, request.toolConfig?.toolChoice, facts.lastUserText);
  return chooseFollowUpCalls(specs, facts.toolResults.map((r) => r.result).join(' '), calledTools(request));
}

function toolSpecs(request: ConverseRequest): ToolSpec[] {
  return (request.toolConfig?.tools ?? []).flatMap((t) => (t.toolSpec ? [t.toolSpec] : []));
}

function reasoningBlock(input: PlanInput, about: string): OutBlock | undefined {
  const text = `Thinking about the request: ${about}`;
  if (input.thinkingBudget !== undefined) {
    const bounded = firstWords(text, input.thinkingBudget);
    return { kind: 'reasoning', text: bounded, signature: signReasoning(bounded) };
  }
  // DeepSeek R1 always reasons and never signs (docs/bedrock-protocol.md §8.9).
  if (input.model.chat?.reasoning === 'always') return { kind: 'reasoning', text };
  return undefined;
}

function structuredText(request: ConverseRequest): string | undefined {
  const schema = request.outputConfig?.textFormat?.structure.jsonSchema?.schema;
  return schema === undefined ? undefined : JSON.stringify(sampleFromSchema(JSON.parse(schema)));
}

/** Decides the whole assistant turn (rules in emulator/docs/engine.md), before token limits apply. */
export function planReply(input: PlanInput): OutBlock[] {
  const { request, model } = input;
  const facts = conversationFacts(request.messages);
  const answer = answerText(facts);
  const blocks: OutBlock[] = [];
  const reasoning = reasoningBlock(input, answer);
  if (reasoning) blocks.push(reasoning);

  const calls = model.chat?.toolUse ? plannedCalls(request, facts) : [];
  if (calls.length > 0) {
    // Claude announces its tool calls in a short text block first.
    if (model.family === 'claude') {
      blocks.push({ kind: 'text', text: `I'll use ${calls.map((c) => c.name).join(' and ')}.` });
    }
    calls.forEach((spec, i) =>
      blocks.push({
        kind: 'toolUse',
        toolUseId: toolUseId(input.rawBody, i),
        name: spec.name,
        input: sampleFromSchema(spec.inputSchema.json),
      }),
    );
    return blocks;
  }

  const structured = structuredText(request);
  const text = structured ?? (input.replyWords !== undefined ? exactWords(answer, input.replyWords) : answer);
  blocks.push({ kind: 'text', text });
  return blocks;
}
