import type { InputItem } from './dto/responses-request.types';
import { pageInputItems } from './input-items.page';

const items = ['a', 'b', 'c'].map((id) => ({ id, role: 'user', content: id }) as InputItem);

describe('pageInputItems', () => {
  it('lists newest first by default, pages with limit and after/before, and says when there is more', () => {
    expect(pageInputItems(items, {})).toMatchObject({ first_id: 'c', last_id: 'a', has_more: false });
    expect(pageInputItems(items, { order: 'asc', limit: '2' })).toMatchObject({
      first_id: 'a',
      last_id: 'b',
      has_more: true,
    });
    expect(pageInputItems(items, { order: 'asc', after: 'a' }).data.map((i) => i.id)).toEqual(['b', 'c']);
    expect(pageInputItems(items, { before: 'a' }).data.map((i) => i.id)).toEqual(['c', 'b']);
  });

  it.each([
    [{ limit: '0' }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ order: 'up' }, 'order'],
    [{ after: 'zz' }, 'after'],
  ])('refuses %j naming %s', (query, param) => {
    expect(() => pageInputItems(items, query)).toThrow(expect.objectContaining({ status: 400, param }));
  });
});
