/** Submitting the staff intake form the way a person does, by question title. */
import type { Emulator } from '../../scripts/emulator';
import { formId } from './desk';

export interface IntakeAnswers {
  receivedBy?: string;
  channel?: string;
  type?: string;
  category?: string;
  severity?: string;
  flags?: string[];
  customer?: string;
  phone?: string;
  email?: string;
  address?: string;
  orderNo?: string;
  description?: string;
  personComplained?: string;
  receivedAt?: string;
  relatedTicket?: string;
}

const TITLES = {
  en: {
    receivedBy: 'Received by (first receiver)',
    channel: 'Channel',
    type: 'Type',
    category: 'Category',
    severity: 'Severity',
    flags: 'The matter involves',
    customer: 'Customer name',
    phone: 'Phone',
    email: 'Email',
    address: 'Address / unit',
    orderNo: 'Order / contract no.',
    description: 'What the customer said',
    personComplained: 'Person complained about',
    receivedAt: 'Received at (leave empty for now)',
    relatedTicket: 'Related ticket ID (customer re-filed)',
  },
  'zh-CN': {
    receivedBy: '首问责任人',
    channel: '来电渠道',
    type: '类型',
    category: '类别',
    severity: '严重程度',
    flags: '事项涉及',
    customer: '客户姓名',
    phone: '联系电话',
    email: '电子邮箱',
    address: '地址 / 房号',
    orderNo: '订单 / 合同号',
    description: '客户反映内容',
    personComplained: '被投诉人',
    receivedAt: '受理时间（现在受理可不填）',
    relatedTicket: '关联工单号（客户再次投诉）',
  },
} as const;

export function intakeAnswers(
  answers: IntakeAnswers,
  lang: 'en' | 'zh-CN' = 'en',
): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(answers)) {
    if (value !== undefined) result[TITLES[lang][key as keyof IntakeAnswers]] = value;
  }
  return result;
}

/** A typical complaint, overridable field by field. */
export function complaint(overrides: IntakeAnswers = {}): IntakeAnswers {
  return {
    receivedBy: 'Li Na',
    channel: 'Phone',
    type: 'Complaint',
    category: 'Repair / Plumbing',
    severity: 'General',
    customer: 'Wang Fang',
    phone: '13812341234',
    email: 'wang.fang@example.com',
    address: 'Building 3, Unit 1201',
    description: 'Water leaking from the ceiling since yesterday.',
    ...overrides,
  };
}

export function submitIntake(emu: Emulator, answers: IntakeAnswers, lang: 'en' | 'zh-CN' = 'en') {
  return emu.submitForm(formId(emu, 'form.intake'), intakeAnswers(answers, lang));
}
