/**
 * Customers of the chosen language: names, mobiles, emails and addresses as staff would type them.
 * The desk serves residential estates in China, so phones are Chinese mobiles in both languages
 * (an English desk writes them with +86).
 */
import type { Lang } from '../../src/i18n';
import type { Random } from './random';

export interface Customer {
  name: string;
  phone: string;
  email: string;
  address: string;
}

const ZH_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
const ZH_GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华玉兰志强海燕晓红文博雨涵子轩欣怡浩然梓萱宇航思远佳怡俊杰婷婷丹丹'.split(
    '',
  );
const ZH_ESTATES = [
  '阳光花园',
  '锦绣华庭',
  '翠湖小区',
  '金色家园',
  '滨江名苑',
  '万科城',
  '世纪新城',
  '东方明珠苑',
  '桃源居',
  '紫荆苑',
];

const EN_FIRST = [
  'James',
  'Mary',
  'John',
  'Patricia',
  'Robert',
  'Jennifer',
  'Michael',
  'Linda',
  'David',
  'Elizabeth',
  'William',
  'Susan',
  'Richard',
  'Jessica',
  'Thomas',
  'Sarah',
  'Daniel',
  'Karen',
  'Matthew',
  'Emily',
  'Anthony',
  'Olivia',
  'Mark',
  'Sophie',
  'Paul',
  'Hannah',
  'Andrew',
  'Chloe',
  'George',
  'Grace',
];
const EN_LAST = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Miller',
  'Davis',
  'Wilson',
  'Taylor',
  'Anderson',
  'Thomas',
  'Moore',
  'Martin',
  'Jackson',
  'Thompson',
  'White',
  'Harris',
  'Clark',
  'Lewis',
  'Walker',
  'Hall',
  'Young',
  'King',
  'Wright',
  'Scott',
  'Green',
  'Baker',
  'Adams',
  'Nelson',
  'Carter',
];
const EN_ESTATES = [
  'Riverside Gardens',
  'Maple Court',
  'Harbour View',
  'Green Park Residences',
  'Lakeside Towers',
  'Cedar Heights',
  'Orchard Place',
  'Sunrise Villas',
];

const MOBILE_PREFIXES: ReadonlyArray<readonly [string, number]> = [
  ['138', 6],
  ['139', 2],
  ['136', 1],
  ['150', 1],
  ['186', 1],
];

function mobile(random: Random): string {
  return `${random.weighted(MOBILE_PREFIXES)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
}

function zhCustomer(random: Random, serial: number): Customer {
  const name =
    random.pick(ZH_SURNAMES) + random.pick(ZH_GIVEN) + (random.chance(0.5) ? random.pick(ZH_GIVEN) : '');
  const digits = mobile(random);
  // Staff type mobiles as they hear them: run together, or grouped 3-4-4.
  const phone = random.chance(0.7)
    ? digits
    : `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
  const floor = random.int(1, 32);
  const address = `${random.pick(ZH_ESTATES)}${random.int(1, 18)}栋${random.int(1, 4)}单元${floor}${String(random.int(1, 4)).padStart(2, '0')}室`;
  const email = random.chance(0.35) ? `user${serial}.${digits.slice(-4)}@example.cn` : '';
  return { name, phone, email, address };
}

function enCustomer(random: Random): Customer {
  const first = random.pick(EN_FIRST);
  const last = random.pick(EN_LAST);
  const digits = mobile(random);
  const phone = `+86 ${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
  const address = `Building ${random.int(1, 18)}, Unit ${random.int(1, 32)}${String(random.int(1, 4)).padStart(2, '0')}, ${random.pick(EN_ESTATES)}`;
  const email = random.chance(0.6) ? `${first}.${last}${random.int(1, 99)}@example.com`.toLowerCase() : '';
  return { name: `${first} ${last}`, phone, email, address };
}

/** A new customer; `serial` keeps generated email addresses distinct. */
export function newCustomer(lang: Lang, random: Random, serial: number): Customer {
  return lang === 'zh-CN' ? zhCustomer(random, serial) : enCustomer(random);
}
