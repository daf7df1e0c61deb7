import { describe, expect, it } from 'vitest';
import { LazySet } from '../../../server/collab/connection';

/** The per-socket sets (updates awaiting commit, awareness ids) hold a table only while non-empty. */
describe('LazySet', () => {
  it('behaves like a Set for has/add/delete/size/iteration', () => {
    const set = new LazySet<number>();
    expect(set.size).toBe(0);
    expect(set.has(1)).toBe(false);
    expect(set.delete(1)).toBe(false);
    expect([...set]).toEqual([]);
    set.add(3).add(1).add(3);
    expect(set.size).toBe(2);
    expect(set.has(3)).toBe(true);
    expect([...set]).toEqual([3, 1]);
    expect(set.delete(3)).toBe(true);
    expect(set.delete(3)).toBe(false);
    expect([...set]).toEqual([1]);
  });

  it('drops its table when it becomes empty, and starts a new one on the next add', () => {
    const set = new LazySet<number>();
    const table = () => (set as unknown as { set: Set<number> | undefined }).set;
    expect(table()).toBeUndefined();
    set.add(7);
    expect(table()).toBeInstanceOf(Set);
    set.delete(7);
    expect(table()).toBeUndefined();
    set.add(8);
    expect([...set]).toEqual([8]);
  });
});
