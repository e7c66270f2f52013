import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class PostRequestMessageRequest {
  @ApiProperty({ type: String, minLength: 1, maxLength: 10_000 })
  @IsString()
  @Length(1, 10_000)
  body!: string;
}
