import {
  invalid,
  isObject,
  Json,
  oneOf,
  optionalBoolean,
  optionalObject,
  optionalString,
  requireArray,
  requireObject,
  requireString,
  wrongType,
} from './anthropic-checks';

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;

function checkCacheControl(block: Json, path: string): void {
  const cache = optionalObject(block.cache_control, `${path}.cache_control`);
  if (cache) oneOf(cache.type, `${path}.cache_control.type`, ['ephemeral']);
}

function checkImage(block: Json, path: string): void {
  const source = requireObject(block.source, `${path}.source`);
  const type = oneOf(source.type, `${path}.source.type`, ['base64', 'url']);
  if (type === 'url') requireString(source.url, `${path}.source.url`);
  else {
    oneOf(source.media_type, `${path}.source.media_type`, IMAGE_TYPES);
    requireString(source.data, `${path}.source.data`);
  }
}

function checkDocument(block: Json, path: string): void {
  const source = requireObject(block.source, `${path}.source`);
  const type = oneOf(source.type, `${path}.source.type`, ['base64', 'text', 'url', 'content']);
  if (type === 'url') requireString(source.url, `${path}.source.url`);
  else if (type === 'content') requireArray(source.content, `${path}.source.content`);
  else {
    requireString(source.media_type, `${path}.source.media_type`);
    requireString(source.data, `${path}.source.data`);
  }
  optionalString(block.title, `${path}.title`);
}

function checkToolResult(block: Json, path: string): void {
  requireString(block.tool_use_id, `${path}.tool_use_id`);
  optionalBoolean(block.is_error, `${path}.is_error`);
  const content = block.content;
  if (content === undefined || content === null || typeof content === 'string') return;
  if (!Array.isArray(content)) throw wrongType(`${path}.content`, 'array');
  content.forEach((inner, i) => checkBlock(inner, `${path}.content.${i}`));
}

/**
 * One content block. Known types are checked member by member; other types (server tool results, search
 * results, types newer than this gateway) are left for the back-end, which forwards them to Claude or refuses
 * them by name.
 */
export function checkBlock(value: unknown, path: string): void {
  if (!isObject(value)) throw wrongType(path, 'object');
  const type = requireString(value.type, `${path}.type`);
  switch (type) {
    case 'text':
      requireString(value.text, `${path}.text`);
      break;
    case 'image':
      checkImage(value, path);
      break;
    case 'document':
      checkDocument(value, path);
      break;
    case 'tool_use':
      requireString(value.id, `${path}.id`);
      requireString(value.name, `${path}.name`);
      requireObject(value.input, `${path}.input`);
      break;
    case 'tool_result':
      checkToolResult(value, path);
      break;
    case 'thinking':
      requireString(value.thinking, `${path}.thinking`);
      requireString(value.signature, `${path}.signature`);
      break;
    case 'redacted_thinking':
      requireString(value.data, `${path}.data`);
      break;
  }
  checkCacheControl(value, path);
}

/** `content`: a string, or a list of blocks. */
export function checkContent(value: unknown, path: string): void {
  if (typeof value === 'string') return;
  if (value === undefined || value === null) throw invalid(path, 'Field required');
  requireArray(value, path).forEach((block, i) => checkBlock(block, `${path}.${i}`));
}
