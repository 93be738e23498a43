import { describe, expect, it } from 'vitest';
import { findContradictions } from './contradictions';
import { analyse } from './nlp';

const find = (text: string) => findContradictions(analyse(text));

describe('contradictions', () => {
  it('finds opposite claims about the same thing, quoting the later one', () => {
    expect(find('The session service is stateless. The session service stores state in memory.')).toEqual([
      { a: 'stateless', b: 'stores state', quote: 'The session service stores state in memory.' },
    ]);
    expect(find('Our API is stateless. It stores state in a local map.')).toHaveLength(1);
    expect(find('The handler is idempotent. The handler is not idempotent when retried.')[0]).toMatchObject({
      a: 'idempotent',
      b: 'not idempotent',
    });
  });

  it('ignores deliberate contrasts and claims about different things', () => {
    expect(find('Unlike stateful services, ours is stateless.')).toEqual([]);
    expect(find("PUT is idempotent but POST isn't idempotent.")).toEqual([]);
    expect(find('Get is O(1) and put is O(n).')).toEqual([]);
    expect(find('The gateway is stateless. The database stores state.')).toEqual([]);
  });
});
