import { Module } from '@nestjs/common';
import { MediaService } from './media.service';

/** Images and documents for every dialect: inline data URLs and SSRF-safe fetching of remote images. */
@Module({ providers: [MediaService], exports: [MediaService] })
export class MediaModule {}
