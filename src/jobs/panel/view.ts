/**
 * What the ticket panel's server endpoints send to the sidebar (src/ui/panel). Everything crosses
 * google.script.run, so it is plain data: strings, numbers, booleans, arrays and objects — no Dates
 * (Google refuses them); instants travel as ISO text or preformatted in the spreadsheet's language.
 * Values are raw text: the sidebar escapes everything it renders.
 */
import type { CallbackState, SlaState, TicketStatus } from '../../core/enums';
import type { StageState } from '../../core/sla';

/** The stages people record by hand; Transferred and Resolved stamp the other two. */
export const RECORDED_STAGES = ['ack', 'feedback'] as const;
export type RecordedStage = (typeof RECORDED_STAGES)[number];

export interface FieldView {
  key: string;
  label: string;
  value: string;
}

export interface StageView {
  stage: string;
  label: string;
  /** Formatted due time ('' when the stage has no target for this ticket). */
  due: string;
  done: string;
  state: StageState | null;
  stateLabel: string;
  /** The due cell's note: how the deadline was computed. */
  explanation: string;
  /** Whether the panel offers to record this stage done now (a stage people record by hand, still due). */
  canRecord: boolean;
}

export interface HistoryView {
  at: string;
  actor: string;
  field: string;
  oldValue: string;
  newValue: string;
  source: string;
}

export interface StaffOption {
  name: string;
  department: string;
  /** "On leave", "3 of 6 this week"…: why this person may be a poor choice now ('' when free). */
  note: string;
  onLeave: boolean;
}

/** A status the state machine allows from the current one, and what the move needs typed. */
export interface MoveView {
  to: TicketStatus;
  label: string;
  needs: 'resolution' | 'reason' | 'assignee' | 'note' | null;
}

export interface TicketView {
  id: string;
  row: number;
  /** The concurrency token an action must carry: Updated at and a digest of the staff-edited cells. */
  version: string;
  updatedAt: string;
  status: TicketStatus | '';
  statusLabel: string;
  slaState: SlaState | '';
  slaStateLabel: string;
  fields: FieldView[];
  description: string;
  resolution: string;
  stages: StageView[];
  paused: string;
  waitingSince: string;
  escalationLevel: number;
  callback: {
    state: CallbackState | '';
    stateLabel: string;
    open: string;
    due: string;
    at: string;
    satisfaction: string;
    attempts: number;
    /** Whether the panel may log an attempt now (the ticket is resolved or closed). */
    canLog: boolean;
  };
  history: HistoryView[];
  /** History rows not shown (the timeline keeps the latest). */
  olderHistory: number;
  moves: MoveView[];
  assignee: string;
  department: string;
}

export interface QueueItem {
  id: string;
  row: number;
  type: string;
  status: string;
  customer: string;
  /** The next deadline of an open stage, formatted, and its state for the colour. */
  nextDue: string;
  nextDueAt: number;
  state: StageState | null;
  stateLabel: string;
}

/** Other work in My queue: an audit sample to audit, an inspection or re-inspection due. */
export interface QueueTask {
  kind: 'audit' | 'inspection' | 'recheck';
  /** The sampled ticket's ID, or "Area — Checklist". */
  title: string;
  detail: string;
  /** The ticket a click opens ('' for inspections). */
  ticketId: string;
  due: string;
  dueAt: number;
  overdue: boolean;
  /** The pre-filled form to do it with; '' when there is none. */
  link: string;
  linkText: string;
}

export interface QueueView {
  me: string;
  /** The staff member the signed-in account is, or '' when ⚙ Staff does not list the email. */
  staffName: string;
  tickets: QueueItem[];
  callbacks: QueueItem[];
  /** The person's audit sample (质检抽样) and their due inspections (检查). */
  audits: QueueTask[];
  inspections: QueueTask[];
}

export interface PanelOptions {
  departments: string[];
  staff: StaffOption[];
  methods: Array<{ code: string; label: string }>;
  satisfaction: Array<{ value: number; label: string }>;
  yesNo: Array<{ code: string; label: string }>;
}

export interface PanelBoot {
  lang: string;
  strings: Record<string, string>;
  options: PanelOptions;
  queue: QueueView;
  ticket: TicketView | null;
  /** Why no ticket is shown (e.g. the selection is not a ticket row), '' when one is. */
  notice: string;
}

export type PanelAction =
  | { kind: 'status'; to: TicketStatus; text: string }
  | { kind: 'assign'; department: string; assignee: string; transfer: boolean }
  | { kind: 'note'; text: string }
  /** A stage done now: the customer answered (Ack at), the department's feedback in (Feedback at). */
  | { kind: 'stage'; stage: RecordedStage }
  | {
      kind: 'callback';
      method: string;
      reached: boolean;
      satisfaction: number | null;
      issueResolved: boolean | null;
      comments: string;
      requestId: string;
    };

export interface ActionRequest {
  id: string;
  /** The row the panel showed the ticket in: checked first, so an unsorted sheet needs no search. */
  row?: number;
  version: string;
  action: PanelAction;
}

/** The panel reloads the ticket after every action (a second call), refused or not. */
export type ActionResult = { ok: true; message: string } | { ok: false; message: string; stale: boolean };
