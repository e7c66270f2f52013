import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { REQUEST_TOPICS, type RequestTopic } from '../domain/request-events.js';

export class OpenRequestRequest {
  /** The family concerned: a parent's own (may be left out); required when staff open a request for a family. */
  @IsOptional() @IsUUID()
  familyId?: string;

  @IsIn(REQUEST_TOPICS)
  topic!: RequestTopic;

  @IsString() @Length(1, 200)
  subject!: string;

  @IsString() @Length(1, 10_000)
  body!: string;
}

export class PostRequestMessageRequest {
  @IsString() @Length(1, 10_000)
  body!: string;
}

export class ListRequestsRequest {
  @IsOptional() @IsUUID()
  familyId?: string;

  @IsOptional() @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';
}
