import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { contextFor } from '../common/context/request-context';
import { UsageInterceptor } from '../usage/usage.interceptor';
import type { ResponseObject } from '../openai/responses/dto/response-object.types';
import type { ResponseCreateRequest } from '../openai/responses/dto/responses-request.types';
import { InputItemList, InputItemsQuery, pageInputItems } from '../openai/responses/input-items.page';
import { ResponsesService } from '../openai/responses/responses.service';
import type { ResponseStream } from '../openai/responses/stream/response-stream';
import { ResponsesSseInterceptor } from '../openai/responses/stream/responses-sse.interceptor';
import { ResponsesRequestPipe } from '../openai/responses/validation/responses-request.pipe';

/** Names the server-side tools (web_search, …) a request offered and the gateway left out. */
export const IGNORED_TOOLS_HEADER = 'x-gateway-ignored-tools';

const owner = (request: FastifyRequest) => request.apiKeyName ?? 'anonymous';

/**
 * `include=reasoning.encrypted_content` on GET, however the client spells the list: `include=…` (repeated or
 * not) or `include[]=…` (what the openai SDKs send).
 */
const reveals = (query: Record<string, string | string[] | undefined>) =>
  [query.include ?? [], query['include[]'] ?? []].flat().includes('reasoning.encrypted_content');

/** The Responses API: POST /v1/responses, GET/DELETE /v1/responses/{id}, GET …/{id}/input_items. */
@Controller('responses')
export class ResponsesController {
  constructor(private readonly responses: ResponsesService) {}

  @Post()
  @HttpCode(200)
  // SSE outermost: it must see the stream only after usage accounting has hooked into it.
  @UseInterceptors(ResponsesSseInterceptor, UsageInterceptor)
  async create(
    @Body(ResponsesRequestPipe) body: ResponseCreateRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ResponseObject | ResponseStream> {
    const { result, ignoredTools } = await this.responses.create(body, contextFor(request, reply));
    if (ignoredTools.length > 0) void reply.header(IGNORED_TOOLS_HEADER, ignoredTools.join(', '));
    return result;
  }

  @Get(':id')
  retrieve(
    @Param('id') id: string,
    @Query() query: Record<string, string | string[] | undefined>,
    @Req() request: FastifyRequest,
  ): Promise<ResponseObject> {
    return this.responses.retrieve(id, owner(request), reveals(query));
  }

  @Delete(':id')
  remove(@Param('id') id: string, @Req() request: FastifyRequest) {
    return this.responses.remove(id, owner(request));
  }

  @Get(':id/input_items')
  async inputItems(
    @Param('id') id: string,
    @Query() query: InputItemsQuery,
    @Req() request: FastifyRequest,
  ): Promise<InputItemList> {
    return pageInputItems(await this.responses.inputItems(id, owner(request)), query);
  }
}
