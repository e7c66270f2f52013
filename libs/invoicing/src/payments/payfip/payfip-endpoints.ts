import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AppConfig } from '#ardoise/runtime';
import { PayfipClient } from './payfip-client.js';
import { PAYFIP_SANDBOX_PATH } from './payfip-sandbox.js';

/** Where PayFIP is (the real one, or the test-mode double served by this process) and where it calls back. */
@Injectable()
export class PayfipEndpoints {
  readonly client: PayfipClient;

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(HttpAdapterHost) private readonly http: HttpAdapterHost,
  ) {
    this.client = new PayfipClient(() => this.config.PAYFIP_ENDPOINT ?? `${this.localBase()}${PAYFIP_SANDBOX_PATH}/ws`);
  }

  /** This process's own address (the double is served here when no PayFIP is configured). */
  localBase(): string {
    const address = this.http.httpAdapter?.getHttpServer()?.address();
    const port = typeof address === 'object' && address ? address.port : this.config.PORT;
    return `http://127.0.0.1:${port}`;
  }

  /** Where PayFIP notifies Ardoise: server to server, this process when no PUBLIC_URL is set. */
  notificationBase(): string {
    return this.config.PUBLIC_URL ? this.config.publicUrl : this.localBase();
  }
}
