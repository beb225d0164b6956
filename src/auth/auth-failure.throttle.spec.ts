import { InProcessAuthFailureLimiter } from './auth-failure.throttle';

describe('InProcessAuthFailureLimiter', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => (now = 1_000_000));

  it('blocks an address after `limit` failures in a window, until the window ends, and no other address', () => {
    const limiter = new InProcessAuthFailureLimiter(3, 60_000, clock);
    expect(limiter.recordFailure('a')).toBe(0);
    expect(limiter.recordFailure('a')).toBe(0);
    expect(limiter.blockedFor('a')).toBe(0);
    expect(limiter.recordFailure('a')).toBe(60);
    now += 15_500;
    expect(limiter.blockedFor('a')).toBe(45);
    expect(limiter.blockedFor('b')).toBe(0);
    now += 44_500;
    expect(limiter.blockedFor('a')).toBe(0);
    expect(limiter.recordFailure('a')).toBe(0); // a new window
  });

  it('is off with a limit of 0', () => {
    const limiter = new InProcessAuthFailureLimiter(0, 60_000, clock);
    for (let i = 0; i < 100; i++) expect(limiter.recordFailure('a')).toBe(0);
    expect(limiter.size).toBe(0);
  });

  it('keeps memory bounded however many addresses fail', () => {
    const limiter = new InProcessAuthFailureLimiter(5, 60_000, clock);
    for (let i = 0; i < 25_000; i++) limiter.recordFailure(`10.0.${i >> 8}.${i & 255}`);
    expect(limiter.size).toBeLessThanOrEqual(10_000);
    // The newest are the ones kept.
    limiter.recordFailure('10.0.97.167');
    expect(limiter.size).toBeLessThanOrEqual(10_000);
  });
});
