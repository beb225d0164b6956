import { splitPath } from './path';
import { route } from './router';

describe('splitPath', () => {
  it('splits before decoding, so an encoded slash stays inside its label (docs/bedrock-protocol.md §1.5)', () => {
    const arn = 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123def456';
    const { segments } = splitPath(`/model/${encodeURIComponent(arn)}/converse`);
    expect(segments).toEqual(['model', arn, 'converse']);
  });

  it('accepts an unencoded colon and keeps the query apart', () => {
    expect(splitPath('/model/a.b-v1:0/invoke?x=1')).toEqual({
      segments: ['model', 'a.b-v1:0', 'invoke'],
      query: 'x=1',
    });
  });

  it('keeps empty labels (the SDK sends an empty modelId as /model//converse)', () => {
    expect(splitPath('/model//converse').segments).toEqual(['model', '', 'converse']);
  });

  it('reports malformed percent-encoding', () => {
    expect(splitPath('/model/%E0%A4%A/converse').segments).toBeUndefined();
  });
});

describe('route', () => {
  it.each([
    ['converse', 'Converse'],
    ['converse-stream', 'ConverseStream'],
    ['invoke', 'InvokeModel'],
    ['invoke-with-response-stream', 'InvokeModelWithResponseStream'],
    ['count-tokens', 'CountTokens'],
  ])('routes POST /model/{id}/%s to %s with the decoded id', (action, operation) => {
    expect(route('POST', `/model/weird%20id%2Fwith%3Fchars%23%26%2B/${action}`, {})).toEqual({
      kind: 'runtime',
      operation,
      modelId: 'weird id/with?chars#&+',
    });
  });

  it('routes the control-plane reads with their query and resource id', () => {
    const list = route('GET', '/foundation-models?byProvider=Anthropic', {});
    expect(list).toMatchObject({ kind: 'control-plane', operation: 'ListFoundationModels' });
    expect(list.kind === 'control-plane' && list.query.get('byProvider')).toBe('Anthropic');
    expect(route('GET', '/inference-profiles/us.x%3A0', {})).toMatchObject({
      operation: 'GetInferenceProfile',
      resourceId: 'us.x:0',
    });
    expect(route('GET', '/foundation-models/a.b', {})).toMatchObject({
      operation: 'GetFoundationModel',
      resourceId: 'a.b',
    });
    expect(route('GET', '/inference-profiles', {})).toMatchObject({ operation: 'ListInferenceProfiles' });
  });

  it('routes AWS JSON 1.1 calls by x-amz-target', () => {
    expect(route('POST', '/', { 'x-amz-target': 'secretsmanager.GetSecretValue' })).toMatchObject({
      kind: 'aws-json',
      service: 'secretsmanager',
      operation: 'GetSecretValue',
    });
    expect(route('POST', '/', { 'x-amz-target': 'AmazonSSM.GetParameter' })).toMatchObject({
      service: 'ssm',
      operation: 'GetParameter',
    });
    expect(route('POST', '/', { 'x-amz-target': 'AmazonSSM.PutParameter' })).toMatchObject({
      service: 'ssm',
      operation: undefined,
    });
  });

  it('sends the control prefix to the control API', () => {
    expect(route('DELETE', '/_emulator/requests', {})).toMatchObject({
      kind: 'emulator',
      segments: ['requests'],
    });
  });

  it.each([
    ['GET', '/model/x/converse'],
    ['POST', '/model/x/chat'],
    ['POST', '/model/x/y/converse'],
    ['GET', '/foundation-models/a/b'],
    ['POST', '/'],
    ['DELETE', '/inference-profiles/x'],
  ])('does not route %s %s', (method, path) => {
    expect(route(method, path, {})).toEqual({ kind: 'unknown' });
  });
});
