import { describe, expect, it } from 'vitest';
import { match } from './router.jsx';

describe('route matching', () => {
  it('matches params and ignores the query and a trailing slash', () => {
    expect(match('/contracts/:name', '/contracts/orders%20v2?tab=diff')).toEqual({ name: 'orders v2' });
    expect(match('/instances', '/instances/')).toEqual({});
  });

  it('does not match other shapes', () => {
    expect(match('/contracts/:name', '/contracts')).toBeNull();
    expect(match('/contracts/:name', '/flows/x')).toBeNull();
  });
});
