import { flatToolName, ToolNames } from './tool-names';

describe('flatToolName', () => {
  it('joins namespace and name, keeps plain names, and shortens past 64 characters without collisions', () => {
    expect(flatToolName({ name: 'f' })).toBe('f');
    expect(flatToolName({ name: 'spawn_agent', namespace: 'multi_agent_v1' })).toBe(
      'multi_agent_v1__spawn_agent',
    );
    const a = flatToolName({ name: 'x'.repeat(40) + 'a', namespace: 'n'.repeat(30) });
    const b = flatToolName({ name: 'x'.repeat(40) + 'b', namespace: 'n'.repeat(30) });
    expect(a).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    expect(a).not.toBe(b);
  });

  it('maps flat names back to what the client called them', () => {
    const names = new ToolNames();
    const flat = names.add({ name: 'spawn_agent', namespace: 'agents' });
    expect(names.resolve(flat)).toEqual({ name: 'spawn_agent', namespace: 'agents' });
    expect(names.resolve('unknown')).toEqual({ name: 'unknown' });
  });
});
