import type {
  ConverseRequest,
  ConverseResponse,
  ConverseStreamOutput,
  ConverseStreamRequest,
} from '@aws-sdk/client-bedrock-runtime';
import type { ResponseMetadata } from '@smithy/types';
import {
  BedrockClient,
  CountTokensRequest,
  InvokeRequest,
  InvokeResponse,
  InvokeStreamChunk,
} from '../bedrock-client';
import { BedrockHttp, readBody } from './bedrock-http';
import { EventStreamReader } from './event-stream-reader';
import { decodeConverseBlobs } from './response-blobs';
import { modelPath, RuntimeEndpoint } from './runtime-endpoint';
import { converseStreamEvent, invokeStreamChunk } from './stream-events';
import { TruncatedResponseError } from './truncated-response.error';
import { toWireJson } from './wire-json';

const JSON_REQUEST = { 'content-type': 'application/json' };

const TOKEN_HEADERS = {
  input: 'x-amzn-bedrock-input-token-count',
  output: 'x-amzn-bedrock-output-token-count',
} as const;

/** A whole JSON body; one that does not parse was cut short (or mangled) on the way. */
function parseResponse(body: Buffer, $metadata: ResponseMetadata): Record<string, unknown> {
  try {
    return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new TruncatedResponseError('Bedrock’s response is not complete JSON.', $metadata, { cause: err });
  }
}

function count(value: string | string[] | undefined): number | undefined {
  if (typeof value !== 'string') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * The lean transport for the hot operations (Converse, ConverseStream, InvokeModel,
 * InvokeModelWithResponseStream): the same wire requests and the same result and error shapes as the stock SDK
 * client, without its per-call middleware and schema-driven serialisation. Built from AWS's own pieces (SigV4
 * signer, default credentials chain, endpoint resolution, event-stream codec, retry strategy) over a pooled
 * keep-alive HTTP/1.1 connection (undici).
 */
export class LeanBedrockClient extends BedrockClient {
  constructor(
    private readonly http: BedrockHttp,
    private readonly endpoint: RuntimeEndpoint,
  ) {
    super();
  }

  async converse(input: ConverseRequest, signal: AbortSignal): Promise<ConverseResponse> {
    const { modelId, ...body } = input;
    const request = {
      operation: 'Converse',
      path: modelPath(this.endpoint, modelId ?? '', 'converse'),
      headers: JSON_REQUEST,
      body: toWireJson(body),
    };
    return this.http.send(request, signal, async (res) => {
      const output = parseResponse(await readBody(res), res.$metadata);
      decodeConverseBlobs(output);
      output.$metadata = res.$metadata;
      return output as unknown as ConverseResponse;
    });
  }

  async converseStream(
    input: ConverseStreamRequest,
    signal: AbortSignal,
  ): Promise<AsyncIterable<ConverseStreamOutput>> {
    const { modelId, ...body } = input;
    const request = {
      operation: 'ConverseStream',
      path: modelPath(this.endpoint, modelId ?? '', 'converse-stream'),
      headers: JSON_REQUEST,
      body: toWireJson(body),
    };
    return this.http.send(request, signal, (res) =>
      new EventStreamReader(res.exchange, converseStreamEvent, res.$metadata, signal).start(),
    );
  }

  async invokeModel(input: InvokeRequest, signal: AbortSignal): Promise<InvokeResponse> {
    const request = {
      operation: 'InvokeModel',
      path: modelPath(this.endpoint, input.modelId, 'invoke'),
      headers: {
        'content-type': input.contentType ?? 'application/json',
        accept: input.accept ?? 'application/json',
      },
      body: input.body,
    };
    return this.http.send(request, signal, async (res) => {
      const body = await readBody(res);
      const contentType = res.headers['content-type'];
      return {
        body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
        contentType: typeof contentType === 'string' ? contentType : 'application/json',
        // Not modeled by the SDK; Bedrock sends them on InvokeModel (docs/bedrock-protocol.md §2.3) and usage needs them.
        inputTokens: count(res.headers[TOKEN_HEADERS.input]),
        outputTokens: count(res.headers[TOKEN_HEADERS.output]),
      };
    });
  }

  async invokeModelStream(
    input: InvokeRequest,
    signal: AbortSignal,
  ): Promise<AsyncIterable<InvokeStreamChunk>> {
    const request = {
      operation: 'InvokeModelWithResponseStream',
      path: modelPath(this.endpoint, input.modelId, 'invoke-with-response-stream'),
      // IMWRS carries `accept` as X-Amzn-Bedrock-Accept (docs/bedrock-protocol.md §2.2).
      headers: {
        'content-type': input.contentType ?? 'application/json',
        'x-amzn-bedrock-accept': input.accept ?? 'application/json',
      },
      body: input.body,
    };
    return this.http.send(request, signal, (res) =>
      new EventStreamReader(res.exchange, invokeStreamChunk, res.$metadata, signal).start(),
    );
  }

  async countTokens(input: CountTokensRequest, signal: AbortSignal): Promise<number> {
    const body =
      'converse' in input.input
        ? { input: { converse: input.input.converse } }
        : { input: { invokeModel: { body: Buffer.from(input.input.invokeModel.body).toString('base64') } } };
    const request = {
      operation: 'CountTokens',
      path: modelPath(this.endpoint, input.modelId, 'count-tokens'),
      headers: JSON_REQUEST,
      body: toWireJson(body),
    };
    return this.http.send(request, signal, async (res) => {
      const output = parseResponse(await readBody(res), res.$metadata);
      return Number(output.inputTokens);
    });
  }

  destroy(): void {
    this.http.destroy();
  }
}
