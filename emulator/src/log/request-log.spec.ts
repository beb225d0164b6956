import { RequestLog } from './request-log';

describe('RequestLog', () => {
  const headers = {
    'content-type': 'application/json',
    'x-amz-security-token': 'secret-session',
    authorization: 'Bearer tok',
  };

  it('keeps arrival order and parses bodies only when read', () => {
    const log = new RequestLog();
    const first = log.begin('h2', 'POST', '/model/m/converse', headers);
    const second = log.begin('http/1.1', 'GET', '/foundation-models', {});
    log.attachBody(first, Buffer.from('{"messages":[]}'));
    log.attachBody(second, Buffer.from([0xff, 0x00]));
    first.finish('completed');
    const [a, b] = log.entries();
    expect(a).toMatchObject({
      seq: 1,
      protocol: 'h2',
      body: { messages: [] },
      bodyBytes: 15,
      outcome: 'completed',
    });
    expect(a.finishedAt).toBeDefined();
    expect(b).toMatchObject({ seq: 2, bodyBase64: '/wA=', outcome: 'pending' });
    expect(a.headers['x-amz-security-token']).toBe('[redacted]');
    expect(a.headers.authorization).not.toContain('tok');
  });

  it('keeps only the newest entries when full, without reusing sequence numbers', () => {
    const log = new RequestLog({ capacity: 3 });
    for (let i = 0; i < 5; i++) log.begin('h2', 'GET', `/${i}`, {});
    expect(log.entries().map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(log.entries(4).map((e) => e.path)).toEqual(['/4']);
    log.clear();
    expect(log.entries()).toEqual([]);
    expect(log.begin('h2', 'GET', '/', {}).seq).toBe(6);
  });

  it('omits bodies when capture is off or they are too large', () => {
    const off = new RequestLog({ captureBodies: false });
    const r1 = off.begin('h2', 'POST', '/', {});
    off.attachBody(r1, Buffer.from('{}'));
    expect(off.entries()[0]).toMatchObject({ bodyBytes: 2, bodyOmitted: true });
    expect(off.entries()[0].body).toBeUndefined();

    const small = new RequestLog({ maxBodyBytes: 4 });
    const r2 = small.begin('h2', 'POST', '/', {});
    small.attachBody(r2, Buffer.from('{"a":1}'));
    expect(small.entries()[0].bodyOmitted).toBe(true);
  });

  it('records only the first outcome', () => {
    const log = new RequestLog();
    const record = log.begin('h2', 'POST', '/', {});
    record.finish('dropped');
    record.finish('aborted');
    expect(log.entries()[0].outcome).toBe('dropped');
  });

  it('lets a test wait for a request to finish', async () => {
    const log = new RequestLog();
    const record = log.begin('h2', 'POST', '/late', {});
    const waiting = log.waitFor((e) => e.path === '/late');
    record.finish('aborted');
    await expect(waiting).resolves.toMatchObject({ outcome: 'aborted' });
    await expect(log.waitFor((e) => e.path === '/late')).resolves.toMatchObject({ seq: 1 });
    await expect(log.waitFor((e) => e.path === '/never', 20)).rejects.toThrow('No matching request');
  });
});
