/** What customers say and what staff write back, per ticket type, in the desk's language. */
import type { TicketType } from '../../src/core/enums';
import type { CategoryId } from '../../src/core/settings/categories';
import { LANGS, type Lang, type MessageKey, t } from '../../src/i18n';
import type { Random } from './random';

type Texts = Record<Lang, readonly string[]>;

/** `{category}` is replaced by the ticket's category as the form shows it. */
const DESCRIPTIONS: Record<TicketType, Texts> = {
  complaint: {
    'zh-CN': [
      '{category}问题反映多次仍未解决，客户情绪激动，要求尽快给出答复。',
      '客户投诉{category}：上周报过一次，至今没有人联系。',
      '{category}方面服务不到位，客户要求主管出面说明情况。',
      '客户对{category}处理结果不满意，认为收费不合理。',
      '晚上十点后仍有{category}问题影响休息，要求物业处理。',
    ],
    en: [
      'Reported {category} twice already and nothing has been done; the customer is upset and wants an answer today.',
      'Complaint about {category}: logged last week, nobody called back.',
      'Unhappy with how {category} was handled; asks for a supervisor to explain.',
      'Disputes the charge for {category}; says it was never agreed.',
      '{category} problem late at night again, cannot sleep; wants it dealt with.',
    ],
  },
  inquiry: {
    'zh-CN': [
      '咨询{category}相关的办理流程和所需材料。',
      '询问{category}的收费标准。',
      '想了解{category}的办理时间和联系人。',
    ],
    en: [
      'Asks how {category} works and which documents are needed.',
      'Asks about the fees for {category}.',
      'Wants to know opening hours and a contact person for {category}.',
    ],
  },
  suggestion: {
    'zh-CN': [
      '建议改进{category}，例如增加公告提醒。',
      '希望{category}能提供线上办理渠道。',
      '建议在小区增设{category}相关设施。',
    ],
    en: [
      'Suggests improving {category}, e.g. with notices in the lobby.',
      'Would like {category} to be handled online.',
      'Suggests adding facilities for {category} on the estate.',
    ],
  },
  repair: {
    'zh-CN': [
      '{category}：厨房水管漏水，地面有积水。',
      '{category}：卫生间灯不亮，开关无反应。',
      '{category}：入户门锁损坏，无法反锁。',
      '{category}：阳台窗户关不严，下雨渗水。',
    ],
    en: [
      '{category}: kitchen pipe leaking, water on the floor.',
      '{category}: bathroom light dead, switch does nothing.',
      '{category}: front door lock broken, cannot lock it.',
      '{category}: balcony window does not close, rain comes in.',
    ],
  },
  praise: {
    'zh-CN': [
      '客户表扬{category}工作人员服务热情、处理及时。',
      '客户来电感谢维修师傅认真负责。',
      '客户送来锦旗，感谢客服耐心解答。',
    ],
    en: [
      'Praises the {category} staff for being quick and friendly.',
      'Calls to thank the technician for careful work.',
      'Brought a thank-you card for the patient help at the desk.',
    ],
  },
};

const RESOLUTIONS: Record<TicketType, Texts> = {
  complaint: {
    'zh-CN': [
      '已上门核实并整改，向客户致歉，客户表示认可。',
      '已与责任部门协调处理完毕，电话告知客户结果。',
      '已退还多收费用并说明原因。',
    ],
    en: [
      'Visited, fixed the cause and apologised; the customer accepted.',
      'Sorted out with the department; called the customer with the outcome.',
      'Refunded the overcharge and explained why it happened.',
    ],
  },
  inquiry: {
    'zh-CN': ['已电话答复，客户清楚。', '已发送办理指南。'],
    en: ['Answered on the phone; the customer is clear.', 'Sent the how-to guide.'],
  },
  suggestion: {
    'zh-CN': ['已书面回复客户，建议已转相关部门评估。', '已采纳，下月起实施。'],
    en: ['Replied in writing; passed to the department to evaluate.', 'Adopted; in place from next month.'],
  },
  repair: {
    'zh-CN': ['维修完成，已试用正常。', '已更换配件，客户签字确认。', '已上门维修，现场清理完毕。'],
    en: [
      'Repaired and tested.',
      'Part replaced; the customer signed off.',
      'Repaired on site and cleaned up.',
    ],
  },
  praise: {
    'zh-CN': ['已转达表扬并通报部门。'],
    en: ['Passed the praise on to the team.'],
  },
};

const CANCEL_REASONS: Texts = {
  'zh-CN': ['客户来电撤回，问题已自行解决。', '重复登记，已合并到原工单。'],
  en: ['The customer withdrew: solved it themselves.', 'Logged twice; kept the first ticket.'],
};

const WAITING_NOTES: Texts = {
  'zh-CN': ['等待客户确认上门时间。', '等待客户发来现场照片。', '客户出差，下周回来后再约。'],
  en: [
    'Waiting for the customer to confirm a visit time.',
    'Waiting for photos from the customer.',
    'The customer is away until next week.',
  ],
};

const CALLBACK_COMMENTS: Texts = {
  'zh-CN': ['客户对处理结果满意。', '客户表示基本满意，希望以后更快。', '客户仍有意见。', '无人接听。'],
  en: [
    'Happy with the outcome.',
    'Mostly satisfied; wishes it had been faster.',
    'Still not happy.',
    'No answer.',
  ],
};

/** Emergencies (seed 003 L153: round-the-clock support): logged as Urgent. */
const URGENT_REPAIRS: Texts = {
  'zh-CN': [
    '{category}：卫生间水管爆裂，水已流到楼下住户。',
    '{category}：电梯停在两层之间，轿厢内有人被困。',
    '{category}：配电箱冒烟，有焦糊味。',
    '{category}：地下车库消防管道漏水，水位上涨。',
  ],
  en: [
    '{category}: burst pipe in the bathroom, water is running into the flat below.',
    '{category}: lift stopped between floors with people inside.',
    '{category}: smoke from the distribution box, smells of burning.',
    '{category}: fire main leaking in the car park, the water is rising.',
  ],
};

export function urgentDescription(lang: Lang, category: string, random: Random): string {
  return random.pick(URGENT_REPAIRS[lang]).replace('{category}', category);
}

/** Repairs in the words of their trade, by the subcategory's label (either language). */
const REPAIRS_BY_TRADE: Array<[CategoryId, Texts]> = [
  [
    'plumbing',
    {
      'zh-CN': ['{category}：厨房水管漏水，地面有积水。', '{category}：卫生间下水道堵塞，返味。'],
      en: [
        '{category}: kitchen pipe leaking, water on the floor.',
        '{category}: bathroom drain blocked, it smells.',
      ],
    },
  ],
  [
    'electrical',
    {
      'zh-CN': ['{category}：卫生间灯不亮，开关无反应。', '{category}：客厅插座跳闸，一插电器就断电。'],
      en: [
        '{category}: bathroom light dead, switch does nothing.',
        '{category}: living-room socket trips the breaker.',
      ],
    },
  ],
  [
    'doorsWindows',
    {
      'zh-CN': ['{category}：入户门锁损坏，无法反锁。', '{category}：阳台窗户关不严，下雨渗水。'],
      en: [
        '{category}: front door lock broken, cannot lock it.',
        '{category}: balcony window does not close, rain comes in.',
      ],
    },
  ],
  [
    'lift',
    {
      'zh-CN': ['{category}：2号楼电梯按钮失灵，到不了18层。', '{category}：电梯运行时异响，轿厢晃动。'],
      en: [
        '{category}: the button for floor 18 in building 2 does nothing.',
        '{category}: the lift rattles and shakes while moving.',
      ],
    },
  ],
  [
    'facilities',
    {
      'zh-CN': ['{category}：小区儿童游乐设施螺丝松动。', '{category}：单元门禁刷卡无反应。'],
      en: [
        '{category}: loose bolts on the playground equipment.',
        '{category}: the entrance door ignores access cards.',
      ],
    },
  ],
];

function tradeOf(category: string): CategoryId | null {
  const sub = category.split(' / ')[1]?.trim() ?? '';
  for (const [id] of REPAIRS_BY_TRADE)
    if (LANGS.some((lang) => t(lang, `settings.category.${id}` as MessageKey) === sub)) return id;
  return null;
}

export function description(lang: Lang, type: TicketType, category: string, random: Random): string {
  const trade = type === 'repair' ? tradeOf(category) : null;
  const texts = REPAIRS_BY_TRADE.find(([id]) => id === trade)?.[1] ?? DESCRIPTIONS[type];
  return random.pick(texts[lang]).replace('{category}', category);
}

export function resolution(lang: Lang, type: TicketType, random: Random): string {
  return random.pick(RESOLUTIONS[type][lang]);
}

export function cancelReason(lang: Lang, random: Random): string {
  return random.pick(CANCEL_REASONS[lang]);
}

/** What a person in the panel types when the ticket waits on the customer. */
export function waitingNote(lang: Lang, random: Random): string {
  return random.pick(WAITING_NOTES[lang]);
}

export function callbackComment(lang: Lang, reached: boolean, satisfaction: number): string {
  const texts = CALLBACK_COMMENTS[lang];
  if (!reached) return texts[3];
  return satisfaction >= 5 ? texts[0] : satisfaction >= 3 ? texts[1] : texts[2];
}
