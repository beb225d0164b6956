import { invalidRequest } from '../common/errors/api-error';

export interface DecodedDataUrl {
  mediaType: string;
  bytes: Buffer;
}

const DATA_URL = /^data:([\w.+-]+\/[\w.+-]+)?((?:;[\w-]+=[^;,]*)*)(;base64)?,/i;
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

/** Decodes a `data:<type>;base64,<data>` URL, with a 400 naming the part when it is malformed. */
export function decodeDataUrl(url: string, param: string): DecodedDataUrl {
  const m = DATA_URL.exec(url);
  if (!m)
    throw invalidRequest(
      `Invalid data URL in '${param}': expected data:<media type>;base64,<data>.`,
      param,
      'invalid_data_url',
    );
  if (!m[3])
    throw invalidRequest(
      `Invalid data URL in '${param}': the data must be base64-encoded.`,
      param,
      'invalid_data_url',
    );
  const data = url.slice(m[0].length).replace(/\s+/g, '');
  if (!data || !BASE64.test(data)) {
    throw invalidRequest(
      `Invalid data URL in '${param}': the data is not valid base64.`,
      param,
      'invalid_data_url',
    );
  }
  return {
    mediaType: (m[1] ?? 'application/octet-stream').toLowerCase(),
    bytes: Buffer.from(data, 'base64'),
  };
}
