import type { RemoteImage } from '../../../media/media.service';
import type { ContentPart, ToolOutputPart } from '../dto/responses-request.types';
import type { LocatedItem } from './map-input';

/** Every `input_image` of the conversation given by http(s) URL, with the param naming it (fetched first). */
export function remoteImages(items: LocatedItem[]): RemoteImage[] {
  const found: RemoteImage[] = [];
  const scan = (parts: (ContentPart | ToolOutputPart)[], param: string) =>
    parts.forEach((p, j) => {
      if (p.type === 'input_image' && p.image_url && !p.image_url.startsWith('data:')) {
        found.push({ url: p.image_url, param: `${param}[${j}]` });
      }
    });
  for (const { item, param } of items) {
    if ((item.type ?? 'message') === 'message' && 'role' in item && Array.isArray(item.content)) {
      scan(item.content, `${param}.content`);
    } else if (item.type === 'function_call_output' && Array.isArray(item.output)) {
      scan(item.output, `${param}.output`);
    }
  }
  return found;
}
