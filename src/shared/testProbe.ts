// The test probe's messages, beside the product protocol (src/shared/protocol.ts) and never part of it: the
// webview sends them only when the host's HTML enables the probe (src/panels/html.ts `probe`, set only when
// the test harness watches the panels, src/dev/panelProbes.ts), and only the test API listens to them. Each
// carries `channel`, which the product handler reads as "not mine" and drops without acting on it. Both ends
// validate: the webview before sending, the test API on arrival.
import * as z from 'zod';
import { PROBE_CHANNEL } from './probeChannel';

export { PROBE_ATTRIBUTE, PROBE_CHANNEL } from './probeChannel';

const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** After drawing (after the browser painted): what a test or a benchmark waits for. `rows` = rows in view after the filter. */
export const renderedAckSchema = z.strictObject({
  channel: z.literal(PROBE_CHANNEL),
  type: z.literal('rendered'),
  mode: z.enum(['page', 'all', 'empty', 'loading', 'error']),
  offset: count,
  rows: count,
  total: count,
  grouped: z.boolean(),
});
export type RenderedAck = z.infer<typeof renderedAckSchema>;

export type ProbeParse = { ok: true; ack: RenderedAck } | { ok: false; reason: string };

export function parseProbeMessage(raw: unknown): ProbeParse {
  const r = renderedAckSchema.safeParse(raw);
  if (r.success) return { ok: true, ack: r.data };
  const first = r.error.issues[0];
  return { ok: false, reason: first ? `${first.path.join('.')} ${first.message}` : 'invalid' };
}
