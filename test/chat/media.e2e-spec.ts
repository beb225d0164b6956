import type OpenAI from 'openai';
import { lastRuntimeBody, mark, runtimeRequests } from '../support/emulator-log';
import { startTestGateway, TestGateway } from '../support/gateway.harness';
import { ImageServer, JPEG, PNG, startImageServer } from '../support/image-server';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const dataUrl = (type: string, bytes: Buffer) => `data:${type};base64,${bytes.toString('base64')}`;
const withImage = (url: string, model = HAIKU): OpenAI.Chat.ChatCompletionCreateParamsNonStreaming => ({
  model,
  messages: [
    {
      role: 'user',
      content: [
        { type: 'text', text: 'describe' },
        { type: 'image_url', image_url: { url } },
      ],
    },
  ],
});
type ImageBody = { messages: { content: { image?: { format: string; source: { bytes: string } } }[] }[] };
const sentImage = (gw: TestGateway, since: number) =>
  lastRuntimeBody<ImageBody>(gw.emulator, since).messages[0].content.find((b) => b.image)!.image!;
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

let gw: TestGateway;
let web: ImageServer;
beforeAll(async () => {
  web = await startImageServer({
    '/cat.png': (_q, r) => r.writeHead(200, { 'content-type': 'image/png' }).end(PNG),
    '/cat.jpg': (_q, r) => r.writeHead(200, { 'content-type': 'image/jpeg' }).end(JPEG),
    '/page.html': (_q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>'),
    '/huge.png': (_q, r) => {
      r.writeHead(200, { 'content-type': 'image/png' });
      r.write(PNG);
      r.end(Buffer.alloc(4_000_000));
    },
    '/to-metadata': (_q, r) =>
      r.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
    '/to-cat': (_q, r) => r.writeHead(301, { location: '/cat.png' }).end(),
    '/slow.png': () => undefined,
  });
  gw = await startTestGateway({ IMAGE_FETCH_ALLOWED_HOSTS: '127.0.0.1', IMAGE_FETCH_TIMEOUT_MS: '500' });
});
afterAll(async () => {
  await gw.close();
  await web.close();
});

describe('images as data URLs', () => {
  it('sends the bytes and their format to Bedrock', async () => {
    const since = mark(gw.emulator);
    const res = await gw.openai.chat.completions.create(withImage(dataUrl('image/png', PNG)));
    expect(res.choices[0].message.content).toBe(`You said: describe [image png ${PNG.length} bytes]`);
    expect(sentImage(gw, since)).toEqual({ format: 'png', source: { bytes: PNG.toString('base64') } });
  });

  it('takes the format from the bytes when the declared type is wrong', async () => {
    const since = mark(gw.emulator);
    await gw.openai.chat.completions.create(withImage(dataUrl('image/png', JPEG)));
    expect(sentImage(gw, since).format).toBe('jpeg');
  });

  it.each([
    ['a malformed data URL', 'data:image/png,not-base64', 'invalid_data_url'],
    [
      'bytes that are no image',
      dataUrl('image/png', Buffer.from('plain text, not pixels')),
      'invalid_image_format',
    ],
    [
      'an image over 3.75 MB',
      dataUrl('image/png', Buffer.concat([PNG, Buffer.alloc(3_800_000)])),
      'image_too_large',
    ],
  ])('refuses %s with a 400 naming the part', async (_name, url, code) => {
    const since = mark(gw.emulator);
    const err = await failure(gw.openai.chat.completions.create(withImage(url)));
    expect(err).toMatchObject({
      status: 400,
      error: { code, param: expect.stringMatching(/^messages\[0\]\.content\[1\]/) },
    });
    expect(runtimeRequests(gw.emulator, since)).toEqual([]);
  });

  it('refuses images for a model without vision, naming both', async () => {
    const err = await failure(
      gw.openai.chat.completions.create(
        withImage(dataUrl('image/png', PNG), 'mistral.mistral-large-2402-v1:0'),
      ),
    );
    expect(err).toMatchObject({
      status: 400,
      error: {
        message: "The model 'mistral.mistral-large-2402-v1:0' does not support image input.",
        code: 'unsupported_feature',
      },
    });
  });
});

describe('images by URL', () => {
  it('fetches them and sends the bytes, following a redirect', async () => {
    for (const path of ['/cat.png', '/to-cat']) {
      const since = mark(gw.emulator);
      await gw.openai.chat.completions.create(withImage(`${web.url}${path}`));
      expect(sentImage(gw, since)).toEqual({ format: 'png', source: { bytes: PNG.toString('base64') } });
    }
  });

  it.each([
    ['a page that is not an image', '/page.html', 'image_url_not_image'],
    ['a missing image', '/missing.png', 'image_url_http_error'],
    ['an image over 3.75 MB', '/huge.png', 'image_too_large'],
    ['a redirect to the instance metadata address', '/to-metadata', 'image_url_forbidden'],
    ['a server that never answers', '/slow.png', 'image_url_timeout'],
  ])('refuses %s with a 400', async (_name, path, code) => {
    const since = mark(gw.emulator);
    const err = await failure(gw.openai.chat.completions.create(withImage(`${web.url}${path}`)));
    expect(err).toMatchObject({ status: 400, error: { code, param: 'messages[0].content[1]' } });
    expect(runtimeRequests(gw.emulator, since)).toEqual([]);
  });

  it('refuses loopback, private and metadata addresses unless the operator allows them', async () => {
    const strict = await startTestGateway();
    try {
      for (const url of [
        `${web.url}/cat.png`,
        'http://169.254.169.254/latest/meta-data/iam/',
        'http://[::1]:8080/x.png',
        'http://10.0.0.5/x.png',
        'http://localhost:1/x.png',
      ]) {
        const err = await failure(strict.openai.chat.completions.create(withImage(url)));
        expect(err).toMatchObject({ status: 400, error: { code: 'image_url_forbidden' } });
      }
      expect(web.hits.filter((h) => h === '/cat.png')).toHaveLength(2); // only the allowed gateway's two fetches above
    } finally {
      await strict.close();
    }
  });
});

describe('documents', () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');

  it('sends an inline PDF as a Bedrock document with a name Bedrock accepts', async () => {
    const since = mark(gw.emulator);
    const res = await gw.openai.chat.completions.create({
      model: HAIKU,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'summarise' },
            {
              type: 'file',
              file: { filename: 'Q3 report (final).v2.pdf', file_data: dataUrl('application/pdf', pdf) },
            },
          ],
        },
      ],
    });
    expect(res.choices[0].message.content).toBe(`You said: summarise [document pdf ${pdf.length} bytes]`);
    const body = lastRuntimeBody<{ messages: { content: { document?: unknown }[] }[] }>(gw.emulator, since);
    expect(body.messages[0].content[1]).toEqual({
      document: { name: 'Q3 report (final) v2', format: 'pdf', source: { bytes: pdf.toString('base64') } },
    });
  });

  it('adds a line naming a document sent without any text, which Bedrock requires', async () => {
    const since = mark(gw.emulator);
    await gw.openai.chat.completions.create({
      model: HAIKU,
      messages: [
        {
          role: 'user',
          content: [
            {
              type: 'file',
              file: { filename: 'notes.txt', file_data: dataUrl('text/plain', Buffer.from('hello')) },
            },
          ],
        },
      ],
    });
    const body = lastRuntimeBody<{ messages: { content: { text?: string }[] }[] }>(gw.emulator, since);
    expect(body.messages[0].content[1]).toEqual({ text: '(Attached: notes)' });
  });

  it('refuses a document type Bedrock does not read', async () => {
    const err = await failure(
      gw.openai.chat.completions.create({
        model: HAIKU,
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'x' },
              { type: 'file', file: { filename: 'a.zip', file_data: dataUrl('application/zip', pdf) } },
            ],
          },
        ],
      }),
    );
    expect(err).toMatchObject({ status: 400, error: { code: 'unsupported_file_type' } });
  });
});
