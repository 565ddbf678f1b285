/**
 * A token bucket per client: `burst` requests at once, refilled at `perSecond`. A request finding the bucket
 * empty is refused with the seconds until a token is back (for Retry-After).
 */
export interface RateLimitOptions {
  /** Tokens added per second (0 turns limiting off). */
  perSecond: number;
  /** Bucket size: requests a client may make at once. */
  burst: number;
  /** Clients remembered at most; the longest idle are forgotten first (a forgotten client starts full). */
  maxClients?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly maxClients: number;

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.maxClients = options.maxClients ?? 10_000;
  }

  /** Takes `cost` tokens for `client`: 0 when allowed, else the seconds to wait. */
  take(client: string, cost = 1): number {
    const { perSecond, burst } = this.options;
    if (perSecond <= 0) return 0;
    const t = this.now();
    let b = this.buckets.get(client);
    if (b) {
      b.tokens = Math.min(burst, b.tokens + ((t - b.at) / 1000) * perSecond);
      b.at = t;
      this.buckets.delete(client); // most recently seen last
    } else {
      b = { tokens: burst, at: t };
      // A full bucket is what a forgotten client gets back: forgetting the idlest costs nothing.
      if (this.buckets.size >= this.maxClients) this.buckets.delete(this.buckets.keys().next().value!);
    }
    this.buckets.set(client, b);
    if (b.tokens >= cost) {
      b.tokens -= cost;
      return 0;
    }
    return Math.max(1, Math.ceil((cost - b.tokens) / perSecond));
  }
}

/**
 * The bucket a client address draws from: an IPv4 address (IPv4-mapped IPv6 included) as it is, an IPv6
 * address by its /64 — one host usually holds a whole /64 and could otherwise take a fresh bucket per address.
 */
export function clientKey(address: string): string {
  const a = address.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return mapped[1];
  if (!a.includes(':')) return a;
  const [head, tail = ''] = a.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = a.includes('::') ? [...h, ...Array<string>(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t] : h;
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}
