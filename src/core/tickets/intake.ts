/**
 * Intake validation and normalisation (SPEC §4 step 2). Never rejects: whatever is wrong becomes a
 * review reason and the ticket is created with Needs review, so no call is ever lost.
 */

import type { MessageKey } from '../../i18n';
import type { Channel, Severity, TicketType } from '../enums';
import type { Labels } from '../message';
import { enumCodeFromText, normalizeLabel, sanitizeUserText } from '../text';
import { normalizeEmail, normalizePhone } from './contact';

/** Answers as a form or the sidebar delivers them (text, or a Date for date questions). */
export interface IntakeInput {
  channel?: string;
  type?: string;
  category?: string;
  severity?: string;
  /** "Involves compensation" / "safety" ticked: the ticket is Major (seed 000 L311). */
  involvesCompensation?: boolean;
  involvesSafety?: boolean;
  customer?: string;
  phone?: string;
  email?: string;
  address?: string;
  orderNo?: string;
  description?: string;
  personComplained?: string;
  receivedBy?: string;
  receivedAt?: string | Date;
  /** A re-filed complaint names the earlier ticket (seed 004 L65). */
  relatedTicketId?: string;
}

export interface ReviewReason {
  key: MessageKey;
  params: Record<string, string | number>;
}

export interface IntakeFields {
  channel: Channel;
  type: TicketType;
  category: string;
  severity: Severity;
  customer: string;
  phone: string;
  email: string;
  address: string;
  orderNo: string;
  description: string;
  personComplained: string;
  receivedBy: string;
  receivedAt: Date;
  parentTicket: string;
}

export interface IntakeContext {
  /** When the response was submitted: the default Received at. */
  submittedAt: Date;
  now: Date;
  descriptionMaxLength: number;
  /** Category labels from ⚙ Categories (active ones). */
  categories: readonly string[];
  /** Parses a date-time typed in the spreadsheet's time zone; provided by the job. */
  parseDateTime?: (text: string) => Date | null;
  /** Reads choices (type, channel, severity) answered in either language. */
  labels: Labels;
}

export interface IntakeResult {
  fields: IntakeFields;
  reviews: ReviewReason[];
}

/** Caps for short fields; long enough for any real value, short enough to keep a row readable. */
export const FIELD_MAX_LENGTH = {
  customer: 100,
  phone: 40,
  email: 254,
  address: 300,
  orderNo: 60,
  personComplained: 100,
  receivedBy: 100,
  category: 100,
  parentTicket: 30,
} as const;

/** Labels reviews use for fields (the Tickets column headers). */
const FIELD_LABEL = {
  channel: 'col.tickets.channel',
  type: 'col.tickets.type',
  category: 'col.tickets.category',
  severity: 'col.tickets.severity',
  customer: 'col.tickets.customer',
  phone: 'col.tickets.phone',
  email: 'col.tickets.email',
  address: 'col.tickets.address',
  orderNo: 'col.tickets.orderNo',
  description: 'col.tickets.description',
  personComplained: 'col.tickets.personComplained',
  receivedBy: 'col.tickets.receivedBy',
  parentTicket: 'col.tickets.parentTicket',
} as const satisfies Record<string, MessageKey>;

/** Review params name a field by its label key; the job translates it into the sheet's language. */
function review(key: MessageKey, params: Record<string, string | number>): ReviewReason {
  return { key, params };
}

const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export function normalizeIntake(input: IntakeInput, context: IntakeContext): IntakeResult {
  const reviews: ReviewReason[] = [];
  const text = (field: keyof typeof FIELD_LABEL, value: string | undefined, max: number): string => {
    const sanitized = sanitizeUserText(value, max);
    if (sanitized.truncated)
      reviews.push(
        review('tickets.review.truncated', {
          field: FIELD_LABEL[field],
          length: sanitized.originalLength,
          max,
        }),
      );
    return sanitized.text;
  };

  const type = enumOrDefault(context.labels, 'ticketType', 'type', input.type, 'complaint', reviews);
  const channel = enumOrDefault(context.labels, 'channel', 'channel', input.channel, 'other', reviews);
  let severity = enumOrDefault(
    context.labels,
    'severity',
    'severity',
    input.severity,
    'general',
    reviews,
    false,
  );
  if ((input.involvesCompensation || input.involvesSafety) && severity !== 'urgent') severity = 'major';

  const category = text('category', input.category, FIELD_MAX_LENGTH.category);
  const known = context.categories.find((label) => normalizeLabel(label) === normalizeLabel(category));
  if (category === '') reviews.push(review('tickets.review.missing', { field: FIELD_LABEL.category }));
  else if (!known) reviews.push(review('tickets.review.unknownCategory', { value: category }));

  const phoneText = text('phone', input.phone, FIELD_MAX_LENGTH.phone);
  const phone = phoneText === '' ? null : normalizePhone(phoneText);
  if (phoneText !== '' && phone === null)
    reviews.push(review('tickets.review.invalidPhone', { value: phoneText }));
  const emailText = text('email', input.email, FIELD_MAX_LENGTH.email);
  const email = emailText === '' ? null : normalizeEmail(emailText);
  if (emailText !== '' && email === null)
    reviews.push(review('tickets.review.invalidEmail', { value: emailText }));
  if (phoneText === '' && emailText === '' && type !== 'praise')
    reviews.push(review('tickets.review.noContact', {}));

  const description = text('description', input.description, context.descriptionMaxLength);
  if (description === '') reviews.push(review('tickets.review.missing', { field: FIELD_LABEL.description }));

  return {
    fields: {
      channel,
      type,
      category: known ?? category,
      severity,
      customer: text('customer', input.customer, FIELD_MAX_LENGTH.customer),
      phone: phone?.value ?? phoneText,
      email: email ?? emailText,
      address: text('address', input.address, FIELD_MAX_LENGTH.address),
      orderNo: text('orderNo', input.orderNo, FIELD_MAX_LENGTH.orderNo),
      description,
      personComplained: text('personComplained', input.personComplained, FIELD_MAX_LENGTH.personComplained),
      receivedBy: text('receivedBy', input.receivedBy, FIELD_MAX_LENGTH.receivedBy),
      receivedAt: receivedAt(input.receivedAt, context, reviews),
      parentTicket: text('parentTicket', input.relatedTicketId, FIELD_MAX_LENGTH.parentTicket).toUpperCase(),
    },
    reviews,
  };
}

function enumOrDefault<N extends 'ticketType' | 'channel' | 'severity'>(
  labels: Labels,
  name: N,
  field: keyof typeof FIELD_LABEL,
  value: string | undefined,
  fallback: N extends 'ticketType' ? TicketType : N extends 'channel' ? Channel : Severity,
  reviews: ReviewReason[],
  flagMissing = true,
): N extends 'ticketType' ? TicketType : N extends 'channel' ? Channel : Severity {
  type Code = N extends 'ticketType' ? TicketType : N extends 'channel' ? Channel : Severity;
  const raw = (value ?? '').trim();
  if (raw === '') {
    if (flagMissing) reviews.push(review('tickets.review.missing', { field: FIELD_LABEL[field] }));
    return fallback;
  }
  const code = enumCodeFromText(labels, name, raw) as Code | null;
  if (code === null)
    reviews.push(
      review('tickets.review.unknownValue', {
        field: FIELD_LABEL[field],
        value: sanitizeUserText(raw, 100).text,
      }),
    );
  return code ?? fallback;
}

function receivedAt(value: string | Date | undefined, context: IntakeContext, reviews: ReviewReason[]): Date {
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) return context.submittedAt;
  const parsed = value instanceof Date ? value : (context.parseDateTime ?? isoInstant)(value.trim());
  const shown = value instanceof Date ? value.toISOString() : sanitizeUserText(value, 60).text;
  if (parsed === null || Number.isNaN(parsed.getTime())) {
    reviews.push(review('tickets.review.receivedUnparsable', { value: shown }));
    return context.submittedAt;
  }
  // Phone calls are often logged later, never earlier than they happen (a few minutes of clock skew allowed).
  if (parsed.getTime() > context.now.getTime() + FUTURE_TOLERANCE_MS) {
    reviews.push(review('tickets.review.receivedInFuture', { value: shown }));
    return context.submittedAt;
  }
  return parsed;
}

function isoInstant(text: string): Date | null {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)
    ? new Date(text)
    : null;
}
