import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { REQUEST_TOPICS, type RequestTopic } from '../../domain/request-events.js';

export class OpenRequestRequest {
  /** The family concerned: a parent's own (may be left out); required when staff open a request for a family. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  familyId?: string;

  @ApiProperty({ enum: REQUEST_TOPICS })
  @IsIn(REQUEST_TOPICS)
  topic!: RequestTopic;

  @ApiProperty({ type: String, minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  subject!: string;

  @ApiProperty({ type: String, minLength: 1, maxLength: 10_000 })
  @IsString()
  @Length(1, 10_000)
  body!: string;
}
