import type { Rejection } from '../engine/engine.errors';
import { validateShape } from './shape.validator';

function messageOf(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return (err as Rejection).spec.message;
  }
}

const ok = { messages: [{ role: 'user', content: [{ text: 'hi' }] }] };

describe('validateShape (Converse)', () => {
  it('accepts a well-formed request and leaves document members free', () => {
    const body = {
      ...ok,
      additionalModelRequestFields: { anything: [1, { deep: true }] },
      inferenceConfig: { maxTokens: 5 },
    };
    expect(messageOf(() => validateShape('Converse', body, 'm.x'))).toBeUndefined();
  });

  it('reports a range violation in AWS wording, with floats rendered like Java doubles', () => {
    expect(
      messageOf(() => validateShape('Converse', { ...ok, inferenceConfig: { maxTokens: 0 } }, 'm.x')),
    ).toBe(
      "1 validation error detected: Value '0' at 'inferenceConfig.maxTokens' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    expect(
      messageOf(() => validateShape('Converse', { ...ok, inferenceConfig: { temperature: 7 } }, 'm.x')),
    ).toBe(
      "1 validation error detected: Value '7.0' at 'inferenceConfig.temperature' failed to satisfy constraint: Member must have value less than or equal to 1",
    );
  });

  it('names list elements with 1-based indexes and reports missing required members as null', () => {
    const body = { messages: [{ role: 'user', content: [{ text: 'a' }] }, { role: 'bogus' }] };
    expect(messageOf(() => validateShape('Converse', body, 'm.x'))).toBe(
      "2 validation errors detected: Value 'bogus' at 'messages.2.member.role' failed to satisfy constraint: Member must satisfy enum value set: [user, assistant, system]; " +
        "Value null at 'messages.2.member.content' failed to satisfy constraint: Member must not be null",
    );
  });

  it('requires exactly one member in a union', () => {
    const body = {
      messages: [
        { role: 'user', content: [{ text: 'a', image: { format: 'png', source: { bytes: 'AQID' } } }] },
      ],
    };
    expect(messageOf(() => validateShape('Converse', body, 'm.x'))).toContain(
      "at 'messages.1.member.content.1.member' failed to satisfy constraint: Member must have exactly one member set",
    );
  });

  it('checks patterns, string lengths, types and hides sensitive values', () => {
    const tool = { toolSpec: { name: 'bad name', inputSchema: { json: {} } } };
    expect(
      messageOf(() => validateShape('Converse', { ...ok, toolConfig: { tools: [tool] } }, 'm.x')),
    ).toContain(
      "Value 'bad name' at 'toolConfig.tools.1.member.toolSpec.name' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_-]+",
    );
    expect(messageOf(() => validateShape('Converse', { ...ok, system: [{ text: '' }] }, 'm.x'))).toContain(
      "Value '' at 'system.1.member.text' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    expect(
      messageOf(() => validateShape('Converse', { ...ok, inferenceConfig: { maxTokens: '5' } }, 'm.x')),
    ).toContain("at 'inferenceConfig.maxTokens' failed to satisfy constraint: Member must be an integer");
    const reasoning = {
      role: 'assistant',
      content: [{ reasoningContent: { reasoningText: { signature: 's' } } }],
    };
    expect(messageOf(() => validateShape('Converse', { messages: [ok.messages[0], reasoning] }, 'm.x'))).toBe(
      "1 validation error detected: Value null at 'messages.2.member.content.1.member.reasoningContent.reasoningText.text' failed to satisfy constraint: Member must not be null",
    );
  });

  it('checks the modelId label length but not its pattern, and InvokeModel headers', () => {
    expect(messageOf(() => validateShape('Converse', ok, ''))).toBe(
      "1 validation error detected: Value '' at 'modelId' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    expect(messageOf(() => validateShape('Converse', ok, 'weird id/with?chars'))).toBeUndefined();
    expect(
      messageOf(() => validateShape('InvokeModel', undefined, 'm.x', { 'x-amzn-bedrock-trace': 'LOUD' })),
    ).toBe(
      "1 validation error detected: Value 'LOUD' at 'trace' failed to satisfy constraint: Member must satisfy enum value set: [ENABLED, DISABLED, ENABLED_FULL]",
    );
  });
});
