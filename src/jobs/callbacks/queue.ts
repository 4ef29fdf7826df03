/**
 * A ticket enters the callback queue when it is Resolved (SPEC §7): the SLA row's window, or the row's
 * sample, decides; the window runs from Resolve at and each bound carries a note saying how it was
 * computed (SPEC §5 "Explain every deadline"). A re-resolved ticket starts a new callback cycle, so the
 * previous cycle's Callback at and Satisfaction are cleared (the Callbacks sheet keeps every attempt).
 */

import { addDuration, type Duration } from '../../core/calendar';
import { callbackRequirement, windowStateAt } from '../../core/callbacks';
import type { Severity, TicketType } from '../../core/enums';
import { explainDue, slaTargetFor } from '../../core/sla';
import { type Lang, t } from '../../i18n';
import { render } from '../../i18n/render';
import type { TicketRow } from '../../workbook/schemas';
import { ruleLabel } from '../deadlines';
import type { DeskSettings } from '../settings';

export interface ResolvedTicket {
  id: string;
  type: TicketType | '';
  severity: Severity | '';
  resolveAt: Date;
}

type CallbackColumns = 'callbackOpen' | 'callbackDue' | 'callbackState' | 'callbackAt' | 'satisfaction';

export interface CallbackEntry {
  values: Pick<TicketRow, CallbackColumns>;
  notes: Record<'callbackOpen' | 'callbackDue' | 'callbackState', string>;
}

function windowLabel(lang: Lang, type: TicketType, severity: Severity, sampleRate: number): string {
  const rule = ruleLabel(lang, type, severity);
  return sampleRate < 100 ? t(lang, 'callbacks.sampledLabel', { rule, rate: sampleRate }) : rule;
}

const NOT_REQUIRED: CallbackEntry = {
  values: {
    callbackOpen: '',
    callbackDue: '',
    callbackState: 'notRequired',
    callbackAt: '',
    satisfaction: '',
  },
  notes: { callbackOpen: '', callbackDue: '', callbackState: '' },
};

/** The callback columns of a ticket just Resolved at `ticket.resolveAt`. */
export function callbackOnResolve(
  settings: DeskSettings,
  lang: Lang,
  ticket: ResolvedTicket,
  now: Date,
): CallbackEntry {
  if (ticket.type === '' || ticket.severity === '') return NOT_REQUIRED;
  const target = slaTargetFor(settings.sla, ticket.type, ticket.severity);
  const need = callbackRequirement(target, ticket.id);
  if (!need.required) return NOT_REQUIRED;
  const cal = settings.calendar;
  const start = ticket.resolveAt.getTime();
  const label = windowLabel(lang, ticket.type, ticket.severity, need.sampleRate);
  const bound = (duration: Duration) => {
    const at = addDuration(cal, start, duration);
    return {
      at: new Date(at),
      note: render(lang, explainDue(cal, { start, duration, due: at, label, from: 'resolved' })),
    };
  };
  const open = bound(need.open);
  const due = bound(need.due);
  return {
    values: {
      callbackOpen: open.at,
      callbackDue: due.at,
      callbackState: windowStateAt(now, open.at, due.at),
      callbackAt: '',
      satisfaction: '',
    },
    notes: { callbackOpen: open.note, callbackDue: due.note, callbackState: '' },
  };
}
