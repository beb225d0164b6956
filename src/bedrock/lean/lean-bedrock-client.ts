import type {
  ConverseRequest,
  ConverseResponse,
  ConverseStreamOutput,
  ConverseStreamRequest,
} from '@aws-sdk/client-bedrock-runtime';
import { BedrockClient, InvokeRequest, InvokeResponse, InvokeStreamChunk } from '../bedrock-client';
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
    const res = await this.http.post(
      {
        path: modelPath(this.endpoint, modelId ?? '', 'converse'),
        headers: JSON_REQUEST,
        body: toWireJson(body),
      },
      signal,
    );
    const text = (await readBody(res, signal)).toString('utf8');
    let output: Record<string, unknown>;
    try {
      output = JSON.parse(text) as Record<string, unknown>;
    } catch (err) {
      throw new TruncatedResponseError('Bedrock’s Converse response is not complete JSON.', res.$metadata, {
        cause: err,
      });
    }
    decodeConverseBlobs(output);
    output.$metadata = res.$metadata;
    return output as unknown as ConverseResponse;
  }

  async converseStream(
    input: ConverseStreamRequest,
    signal: AbortSignal,
  ): Promise<AsyncIterable<ConverseStreamOutput>> {
    const { modelId, ...body } = input;
    const res = await this.http.post(
      {
        path: modelPath(this.endpoint, modelId ?? '', 'converse-stream'),
        headers: JSON_REQUEST,
        body: toWireJson(body),
      },
      signal,
    );
    return new EventStreamReader(res.body, converseStreamEvent, res.$metadata, signal).start();
  }

  async invokeModel(input: InvokeRequest, signal: AbortSignal): Promise<InvokeResponse> {
    const res = await this.http.post(
      {
        path: modelPath(this.endpoint, input.modelId, 'invoke'),
        headers: {
          'content-type': input.contentType ?? 'application/json',
          accept: input.accept ?? 'application/json',
        },
        body: input.body,
      },
      signal,
    );
    const body = await readBody(res, signal);
    const contentType = res.headers['content-type'];
    return {
      body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
      contentType: typeof contentType === 'string' ? contentType : 'application/json',
      // Not modeled by the SDK; Bedrock sends them on InvokeModel (wire doc §2.3) and usage needs them.
      inputTokens: count(res.headers[TOKEN_HEADERS.input]),
      outputTokens: count(res.headers[TOKEN_HEADERS.output]),
    };
  }

  async invokeModelStream(
    input: InvokeRequest,
    signal: AbortSignal,
  ): Promise<AsyncIterable<InvokeStreamChunk>> {
    const res = await this.http.post(
      {
        path: modelPath(this.endpoint, input.modelId, 'invoke-with-response-stream'),
        // IMWRS carries `accept` as X-Amzn-Bedrock-Accept (wire doc §2.2).
        headers: {
          'content-type': input.contentType ?? 'application/json',
          'x-amzn-bedrock-accept': input.accept ?? 'application/json',
        },
        body: input.body,
      },
      signal,
    );
    return new EventStreamReader(res.body, invokeStreamChunk, res.$metadata, signal).start();
  }

  destroy(): void {
    this.http.destroy();
  }
}
