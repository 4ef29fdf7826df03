/**
 * The default ⚙ Checklists and ⚙ Areas that setup writes, in the spreadsheet's language. Managers edit
 * them freely; nothing in code depends on these names.
 */

import type { Lang } from '../../i18n';
import type { InspectionAnswerKind, InspectionFrequency } from '../enums';

type Text = [zh: string, en: string];

interface DefaultItem {
  section: Text;
  item: Text;
  kind?: InspectionAnswerKind;
  critical?: boolean;
  rectifyDays: number;
}

interface DefaultTemplate {
  name: Text;
  passMark: number;
  itemPassPercent: number;
  anyItemFails: boolean;
  grades: Text;
  faults: [Text, Text, Text];
  items: DefaultItem[];
}

/** Consequences of consecutive failed inspections (seed 000 L835: 一般过失 → 严重过失 → replacement, fine, order stop). */
const FAULTS: [Text, Text, Text] = [
  ['一般过失', 'Minor fault'],
  ['严重过失', 'Serious fault'],
  ['更换责任人，罚款500元，停单三个月', 'Person replaced, ¥500 fine, no new orders for 3 months'],
];
const AREA_FAULTS: [Text, Text, Text] = [
  ['一般过失', 'Minor fault'],
  ['严重过失', 'Serious fault'],
  ['严重过失并更换责任人', 'Serious fault and the person responsible replaced'],
];

/** Public areas of the daily spot check (seed 003 L367–368). */
const DAILY_PARTS: Text[] = [
  ['各楼层', 'Floors'],
  ['大堂', 'Lobby'],
  ['电梯', 'Lifts'],
  ['卫生间', 'Toilets'],
  ['外围', 'Perimeter'],
  ['空置单元', 'Vacant units'],
  ['防火通道', 'Fire escapes'],
];
/** What is checked in each (seed 001 L451: 物业完好程度, 卫生状况, 员工工作质量, 劳动纪律). */
const DAILY_ASPECTS: Array<[Text, number]> = [
  [['物业完好', 'Condition of the property'], 3],
  [['卫生状况', 'Hygiene'], 1],
  [['岗位人员在岗', 'Staff at post'], 1],
  [['劳动纪律', 'Labour discipline'], 1],
];

const TEMPLATES: DefaultTemplate[] = [
  {
    // Daily spot check, at least once a day (seed 003 L367–368, seed 001 L451).
    name: ['每日区域巡查', 'Daily area check'],
    passMark: 90,
    itemPassPercent: 85,
    anyItemFails: false,
    grades: ['', ''],
    faults: AREA_FAULTS,
    items: DAILY_PARTS.flatMap((part) =>
      DAILY_ASPECTS.map(([aspect, rectifyDays]) => ({ section: part, item: aspect, rectifyDays })),
    ),
  },
  {
    // Weekly building check, at least once a week (seed 003 L369).
    name: ['每周大厦检查', 'Weekly building check'],
    passMark: 90,
    itemPassPercent: 85,
    anyItemFails: false,
    grades: ['', ''],
    faults: AREA_FAULTS,
    items: [
      {
        section: ['标识广告', 'Signs and ads'],
        item: ['无乱设标识标牌', 'No unauthorised signs or billboards'],
        rectifyDays: 3,
      },
      {
        section: ['标识广告', 'Signs and ads'],
        item: ['无违规广告', 'No unauthorised advertising'],
        rectifyDays: 3,
      },
      {
        section: ['乱贴乱画', 'Posting and graffiti'],
        item: ['无乱贴、乱画', 'No illegal posting or graffiti'],
        rectifyDays: 2,
      },
      {
        section: ['公用设施', 'Public facilities'],
        item: ['公用设施无损坏', 'Public facilities undamaged'],
        rectifyDays: 5,
      },
      {
        section: ['公用设施', 'Public facilities'],
        item: ['公用设施整洁', 'Public facilities clean and tidy'],
        rectifyDays: 2,
      },
    ],
  },
  {
    // Front-desk / reception check (seed 001 §9.2, L171–L241).
    name: ['前台检查', 'Front-desk check'],
    passMark: 90,
    itemPassPercent: 85,
    anyItemFails: false,
    grades: ['', ''],
    faults: AREA_FAULTS,
    items: [
      {
        section: ['开班准备', 'Opening'],
        item: ['茶具备好，桌椅整洁', 'Cups ready, tables and chairs tidy'],
        rectifyDays: 1,
      },
      {
        section: ['仪容仪表', 'Appearance'],
        item: ['着工装，发型整洁，不穿拖鞋', 'Uniform, tidy hair, no slippers'],
        rectifyDays: 1,
      },
      {
        section: ['言行举止', 'Conduct'],
        item: ['微笑服务，不闲聊、不办私事', 'Smiles; no chatting or private matters'],
        rectifyDays: 1,
      },
      {
        section: ['服务用语', 'Language'],
        item: ['使用礼貌用语，不与客户争执', 'Polite standard phrases; never argues with customers'],
        rectifyDays: 1,
      },
      {
        section: ['环境', 'Environment'],
        item: ['接待台整洁，无个人物品', 'Counter clean, no personal items'],
        rectifyDays: 1,
      },
      { section: ['环境', 'Environment'], item: ['地面无垃圾杂物', 'Floor free of litter'], rectifyDays: 1 },
      {
        section: ['电话', 'Phone'],
        item: ['三声内接听，标准问候', 'Answered within 3 rings with the standard greeting'],
        rectifyDays: 1,
      },
      { section: ['电话', 'Phone'], item: ['来电记录完整', 'Call log complete'], rectifyDays: 1 },
      {
        section: ['收班', 'Closing'],
        item: ['门窗、空调、电器已关闭', 'Doors, windows, air-con and appliances off'],
        rectifyDays: 1,
      },
    ],
  },
  {
    // Completion (pre-acceptance) inspection: pass rate per sub-item, ≥ 85 % pass, ≥ 90 % good, ≥ 95 %
    // excellent, any sub-item below 85 % fails (seed 000 L833); without the equipment it fails (L829).
    name: ['竣工预验收', 'Completion inspection'],
    passMark: 85,
    itemPassPercent: 85,
    anyItemFails: true,
    grades: ['优秀 95; 良好 90; 合格 85', 'Excellent 95; Good 90; Pass 85'],
    faults: FAULTS,
    items: [
      {
        section: ['验收条件', 'Conditions'],
        item: ['使用经校准的验收设备', 'Calibrated inspection equipment used'],
        critical: true,
        rectifyDays: 1,
      },
      {
        section: ['分项合格率', 'Sub-item pass rates'],
        item: ['水电', 'Plumbing and electrical'],
        kind: 'passRate',
        rectifyDays: 5,
      },
      {
        section: ['分项合格率', 'Sub-item pass rates'],
        item: ['泥瓦', 'Tiling and masonry'],
        kind: 'passRate',
        rectifyDays: 5,
      },
      {
        section: ['分项合格率', 'Sub-item pass rates'],
        item: ['木作', 'Carpentry'],
        kind: 'passRate',
        rectifyDays: 5,
      },
      {
        section: ['分项合格率', 'Sub-item pass rates'],
        item: ['油漆', 'Painting'],
        kind: 'passRate',
        rectifyDays: 5,
      },
      {
        section: ['分项合格率', 'Sub-item pass rates'],
        item: ['安装', 'Fixtures and fittings'],
        kind: 'passRate',
        rectifyDays: 5,
      },
      {
        section: ['分项合格率', 'Sub-item pass rates'],
        item: ['清洁', 'Site cleaning'],
        kind: 'passRate',
        rectifyDays: 2,
      },
    ],
  },
];

export interface ChecklistRecord {
  template: string;
  version: number | '';
  section: string;
  item: string;
  answerKind: InspectionAnswerKind | '';
  max: number | '';
  weight: number | '';
  critical: boolean | '';
  rectifyDays: number | '';
  passMark: number | '';
  itemPassPercent: number | '';
  anyItemFails: boolean | '';
  grades: string;
  fault1: string;
  fault2: string;
  fault3: string;
  active: boolean;
}

function pick(lang: Lang, [zh, en]: Text): string {
  return lang === 'zh-CN' ? zh : en;
}

export function defaultChecklistRows(lang: Lang): ChecklistRecord[] {
  const rows: ChecklistRecord[] = [];
  for (const template of TEMPLATES) {
    const name = pick(lang, template.name);
    rows.push({
      template: name,
      version: 1,
      section: '',
      item: '',
      answerKind: '',
      max: '',
      weight: '',
      critical: '',
      rectifyDays: '',
      passMark: template.passMark,
      itemPassPercent: template.itemPassPercent,
      anyItemFails: template.anyItemFails,
      grades: pick(lang, template.grades),
      fault1: pick(lang, template.faults[0]),
      fault2: pick(lang, template.faults[1]),
      fault3: pick(lang, template.faults[2]),
      active: true,
    });
    for (const item of template.items) {
      rows.push({
        template: name,
        version: '',
        section: pick(lang, item.section),
        item: pick(lang, item.item),
        answerKind: item.kind ?? 'passFail',
        max: '',
        weight: 1,
        critical: item.critical ?? false,
        rectifyDays: item.rectifyDays,
        passMark: '',
        itemPassPercent: '',
        anyItemFails: '',
        grades: '',
        fault1: '',
        fault2: '',
        fault3: '',
        active: true,
      });
    }
  }
  return rows;
}

export interface AreaRecord {
  area: string;
  templates: string;
  frequency: InspectionFrequency;
  sevenDay: boolean;
  owner: string;
  department: string;
  inspector: string;
  linkedCategory: string;
  active: boolean;
}

/** Example areas: people from the default ⚙ Staff roster, categories from the default ⚙ Categories. */
const AREAS: Array<{
  area: Text;
  template: number;
  frequency: InspectionFrequency;
  sevenDay: boolean;
  owner: Text;
  department: Text;
  inspector: Text;
  category: Text;
}> = [
  {
    area: ['1号楼公共区域', 'Building 1 common areas'],
    template: 0,
    frequency: 'daily',
    sevenDay: false,
    owner: ['何芳', 'He Fang'],
    department: ['环境部', 'Environment'],
    inspector: ['张伟', 'Zhang Wei'],
    category: ['环境卫生', 'Environment and hygiene'],
  },
  {
    area: ['2号楼公共区域', 'Building 2 common areas'],
    template: 0,
    frequency: 'daily',
    sevenDay: false,
    owner: ['许杰', 'Xu Jie'],
    department: ['环境部', 'Environment'],
    inspector: ['刘洋', 'Liu Yang'],
    category: ['环境卫生', 'Environment and hygiene'],
  },
  {
    area: ['会所', 'Clubhouse'],
    template: 0,
    frequency: 'daily',
    sevenDay: true,
    owner: ['马超', 'Ma Chao'],
    department: ['秩序部', 'Security'],
    inspector: ['赵静', 'Zhao Jing'],
    category: ['', ''],
  },
  {
    area: ['1号楼', 'Building 1'],
    template: 1,
    frequency: 'weekly',
    sevenDay: false,
    owner: ['周磊', 'Zhou Lei'],
    department: ['工程部', 'Engineering'],
    inspector: ['张伟', 'Zhang Wei'],
    category: ['', ''],
  },
  {
    area: ['2号楼', 'Building 2'],
    template: 1,
    frequency: 'weekly',
    sevenDay: false,
    owner: ['吴刚', 'Wu Gang'],
    department: ['工程部', 'Engineering'],
    inspector: ['刘洋', 'Liu Yang'],
    category: ['', ''],
  },
  {
    area: ['客服前台', 'CS front desk'],
    template: 2,
    frequency: 'daily',
    sevenDay: false,
    owner: ['赵静', 'Zhao Jing'],
    department: ['客服部', 'Customer Service'],
    inspector: ['李娜', 'Li Na'],
    category: ['服务态度', 'Service attitude'],
  },
  {
    area: ['3号楼装修工地', 'Building 3 renovation site'],
    template: 3,
    frequency: 'onDemand',
    sevenDay: false,
    owner: ['郑涛', 'Zheng Tao'],
    department: ['工程部', 'Engineering'],
    inspector: ['孙强', 'Sun Qiang'],
    category: ['', ''],
  },
];

export function defaultAreaRows(lang: Lang): AreaRecord[] {
  return AREAS.map((area) => ({
    area: pick(lang, area.area),
    templates: pick(lang, TEMPLATES[area.template].name),
    frequency: area.frequency,
    sevenDay: area.sevenDay,
    owner: pick(lang, area.owner),
    department: pick(lang, area.department),
    inspector: pick(lang, area.inspector),
    linkedCategory: pick(lang, area.category),
    active: true,
  }));
}
