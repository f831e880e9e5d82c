/**
 * The shapes of the configuration that the status monitors and the sign-in providers read, validated
 * here with the rest of the config (src/config/index.ts), so the config imports no feature.
 */
import { z } from 'zod';

/** An extra HTTP/TCP target of the status page (ILTEO_STATUS_MONITORS). */
export const CustomMonitorSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'id는 영문 소문자·숫자·하이픈이어야 합니다.'),
    name: z.string().min(1),
    kind: z.enum(['http', 'tcp']),
    url: z.url().optional(),
    host: z.string().optional(),
    port: z.number().int().min(1).max(65535).optional(),
    /** Component the monitor belongs to; a new internal component `ext:<id>` when absent. */
    component: z.string().optional(),
    /** A public service that is hurt when it fails (hard: down with it; soft: partly). */
    service: z.enum(['jobs', 'benefits', 'login', 'centre']).optional(),
    impact: z.enum(['hard', 'soft']).default('soft'),
    intervalSeconds: z.number().min(1).max(3600).default(30),
    timeoutMs: z.number().int().min(100).max(60_000).default(5000),
    /** Accepted HTTP status codes; 200–399 when absent. */
    expectStatus: z.array(z.number().int()).optional(),
    keyword: z.string().optional(),
    maxLatencyMs: z.number().int().min(1).optional(),
  })
  .refine((m) => (m.kind === 'http' ? !!m.url : !!m.host && !!m.port), {
    message: 'http 모니터는 url이, tcp 모니터는 host와 port가 필요합니다.',
  });
export type CustomMonitor = z.infer<typeof CustomMonitorSchema>;

/** Down after k of the last n checks failed, up after r successes in a row (ILTEO_STATUS_*CONFIRM). */
export interface MonitorPolicy {
  /** Failed checks among the last `window` that confirm down. */
  failuresToDown: number;
  window: number;
  /** Consecutive successes that confirm recovery. */
  successesToUp: number;
}

/** An OpenID Connect sign-in provider (ILTEO_OIDC_PROVIDERS). */
export interface ProviderConfig {
  id: string;
  label: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Brand colour for the button. */
  colour?: string;
}
