/** Everything the simulated department shares while the month runs. */
import type { BusinessCalendar } from '../../src/core/calendar';
import type { Lang } from '../../src/i18n';
import type { Emulator } from '../emulator';
import type { Category, DeskView, StaffMember } from './desk-view';
import type { Random } from './random';

/** What the simulated people did (the product's own results are read from the workbook afterwards). */
export interface Activity {
  contacts: number;
  /** Contacts typed with a mistake on purpose (bad phone), which intake must flag, not lose. */
  badInput: number;
  edits: number;
  /** Status edits the product refused (cell restored with a note), e.g. Resolved without a resolution. */
  refusedEdits: number;
  /** Actions sent from the ticket panel, those it refused inline (nothing written), My queue opened. */
  panelActions: number;
  panelRefused: number;
  panelQueues: number;
  assignments: number;
  callbacks: number;
  /** Audit forms submitted by supervisors (质检). */
  audits: number;
  /** Appeals of audits submitted by staff. */
  appeals: number;
  /** Calibration scores submitted from the calibration mails. */
  calibrationScores: number;
  /** Merit-form submissions by supervisors (奖惩). */
  merits: number;
  /** Why callbacks were not simulated, when they were not. */
  callbackNote: string;
}

export interface World {
  emu: Emulator;
  lang: Lang;
  random: Random;
  view: DeskView;
  calendar: BusinessCalendar;
  staff: StaffMember[];
  categories: Category[];
  activity: Activity;
}

/** Something a person does at a simulated instant. */
export interface SimEvent {
  at: number;
  act: () => void;
}

/** A staff member's email (the edit's user); undefined means the spreadsheet owner. */
export function emailOf(world: World, name: string): string | undefined {
  return world.staff.find((member) => member.name === name)?.email;
}

/** The id of a form setup registered in document properties, or null when there is none (yet). */
export function formIdOf(world: World, key: string): string {
  const id = optionalFormId(world, key);
  if (id === null) throw new Error(`simulation: setup registered no ${key}`);
  return id;
}

export function optionalFormId(world: World, key: string): string | null {
  const saved = world.emu.properties.document.get(world.emu.spreadsheet.id)?.get(key);
  return saved ? (JSON.parse(saved) as { id: string }).id : null;
}
