/**
 * Whether a ticket enters the callback queue when it is Resolved, and with which window (SPEC §7).
 * The SLA row decides: its callback window (Complaint Major 0–7 d, General 0–14 d, Repair 0–1 wd…) and
 * its sample rate (100 % for every row with a window by default; Inquiry 10 %).
 */
import type { Duration } from '../calendar';
import type { SlaTarget } from '../sla';
import { isSampled } from './sampling';

/**
 * The window of a sampled ticket whose row has none (the default Inquiry row, SPEC §5 "sample 10 %"):
 * open at once, due within 7 days — the shortest complaint window, "callback within 1 week" (seed 003
 * L389). A manager who wants another window types it into the row; it then applies to the sample.
 */
export const SAMPLED_WINDOW: { open: Duration; due: Duration } = {
  open: { amount: 0, unit: 'd' },
  due: { amount: 7, unit: 'd' },
};

export type CallbackRequirement =
  | { required: false }
  | {
      required: true;
      open: Duration;
      due: Duration /** The row's own window (false: SAMPLED_WINDOW). */;
      fromPolicy: boolean;
      sampleRate: number;
    };

export function callbackRequirement(target: SlaTarget | null, ticketId: string): CallbackRequirement {
  if (!target || !isSampled(ticketId, target.sampleRate)) return { required: false };
  if (target.callbackDue) {
    return {
      required: true,
      open: target.callbackOpen ?? { amount: 0, unit: target.callbackDue.unit },
      due: target.callbackDue,
      fromPolicy: true,
      sampleRate: target.sampleRate,
    };
  }
  return { required: true, ...SAMPLED_WINDOW, fromPolicy: false, sampleRate: target.sampleRate };
}
