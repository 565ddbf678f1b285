import { describe, expect, it } from 'vitest';
import { clientKey, RateLimiter } from '../../src/server/rate-limit.js';

describe('RateLimiter', () => {
  it('lets a burst through, then one request per refill interval, per client', () => {
    let now = 0;
    const rl = new RateLimiter({ perSecond: 2, burst: 3 }, () => now);
    expect([1, 2, 3, 4].map(() => rl.take('a'))).toEqual([0, 0, 0, 1]);
    expect(rl.take('b')).toBe(0);
    now = 499;
    expect(rl.take('a')).toBe(1);
    // One second after the burst: two tokens back.
    now = 1000;
    expect([1, 2, 3].map(() => rl.take('a'))).toEqual([0, 0, 1]);
  });

  it('is off at 0 per second, and forgets the idlest clients past its size (they start full again)', () => {
    expect(new RateLimiter({ perSecond: 0, burst: 0 }).take('a')).toBe(0);
    const rl = new RateLimiter({ perSecond: 1, burst: 1, maxClients: 2 }, () => 0);
    expect(rl.take('a')).toBe(0);
    expect(rl.take('a')).toBe(1);
    rl.take('b');
    rl.take('c'); // forgets "a"
    expect(rl.take('a')).toBe(0);
  });
});

describe('clientKey', () => {
  it('keys IPv4 by address and IPv6 by its /64', () => {
    expect(clientKey('203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:DB8:0001:0002::9%eth0')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
  });
});
