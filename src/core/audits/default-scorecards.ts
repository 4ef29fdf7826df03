/**
 * The scorecards setup writes into ⚙ Scorecards (SPEC §8.1). Texts are message keys (rendered by setup
 * in the desk's language); points add up to 100 per scorecard so a manager reads the weights at a glance.
 */
import type { EnumCode } from '../enums';

export interface DefaultItem {
  /** Message key of the item text (`audits.default.…`). */
  text: string;
  kind: EnumCode<'itemKind'>;
  answer: EnumCode<'answerKind'>;
  max: number;
  allowNa: boolean;
}

export interface DefaultSection {
  text: string;
  items: DefaultItem[];
}

export interface DefaultScorecard {
  name: string;
  sections: DefaultSection[];
}

const item = (
  text: string,
  answer: DefaultItem['answer'],
  max: number,
  options: { kind?: DefaultItem['kind']; allowNa?: boolean } = {},
): DefaultItem => ({ text, kind: options.kind ?? 'scored', answer, max, allowNa: options.allowNa ?? false });

const P = 'audits.default.phone';
const W = 'audits.default.walkIn';
const C = 'audits.default.complaint';
const RED = 'audits.default.critical';

/** Red lines shared by every scorecard: privacy (seed 000 L57, L715) and no unauthorised price (seed 000 L333). */
const privacy = item(`${RED}.privacy`, 'yesNo', 5, { kind: 'critical' });

export const DEFAULT_SCORECARDS: readonly DefaultScorecard[] = [
  {
    name: P,
    sections: [
      {
        text: `${P}.answering`,
        items: [
          item(`${P}.answering.rings`, 'yesNo', 5), // seed 000 L583, seed 001 L225, L237
          item(`${P}.answering.greeting`, 'yesNo', 5), // seed 000 L583
        ],
      },
      {
        text: `${P}.service`,
        items: [
          item(`${P}.service.attitude`, 'scale', 15), // seed 000 L425
          item(`${P}.service.need`, 'scale', 15), // seed 000 L425
          item(`${P}.service.answer`, 'points', 25), // seed 000 L425, L583
          item(`${P}.service.replyTime`, 'yesNo', 10, { allowNa: true }), // seed 000 L583
        ],
      },
      {
        text: `${P}.closing`,
        items: [
          item(`${P}.closing.record`, 'points', 10), // seed 001 L237
          item(`${P}.closing.phrase`, 'yesNo', 5), // seed 001 L269–L275
        ],
      },
      { text: RED, items: [privacy, item(`${RED}.price`, 'yesNo', 5, { kind: 'critical' })] }, // seed 000 L333
    ],
  },
  {
    // Front-desk conduct and language, seed 001 §9.2 (L171–L205) and the penalties of seed 001 L231–L245.
    name: W,
    sections: [
      { text: `${W}.appearance`, items: [item(`${W}.appearance.uniform`, 'yesNo', 10)] }, // seed 001 L171–L185
      {
        text: `${W}.conduct`,
        items: [
          item(`${W}.conduct.greet`, 'scale', 15), // seed 001 L175, L211, L233
          item(`${W}.conduct.focus`, 'yesNo', 10), // seed 001 L177–L181, L203
          item(`${W}.conduct.water`, 'yesNo', 5, { allowNa: true }), // seed 001 L183
        ],
      },
      {
        text: `${W}.language`,
        items: [
          item(`${W}.language.polite`, 'scale', 15), // seed 001 L189–L193
          item(`${W}.language.tone`, 'scale', 15), // seed 001 L189–L193
        ],
      },
      {
        text: `${W}.handling`,
        items: [
          item(`${W}.handling.register`, 'points', 15), // seed 001 L513
          item(`${W}.handling.tidy`, 'yesNo', 5), // seed 001 L197–L199
        ],
      },
      { text: RED, items: [item(`${RED}.privacy`, 'yesNo', 10, { kind: 'critical' })] },
    ],
  },
  {
    name: C,
    sections: [
      {
        text: `${C}.receipt`,
        items: [
          item(`${C}.receipt.firstReceiver`, 'yesNo', 15), // first receiver (首问负责), seed 001 L501
          item(`${C}.receipt.register`, 'points', 15), // seed 000 L783
          item(`${C}.receipt.soothe`, 'scale', 10), // seed 000 L597
        ],
      },
      {
        text: `${C}.handling`,
        items: [
          item(`${C}.handling.transfer`, 'yesNo', 10), // seed 000 L785
          item(`${C}.handling.reply`, 'yesNo', 15), // seed 000 L11
          item(`${C}.handling.followUp`, 'points', 15), // seed 000 L603
        ],
      },
      {
        text: `${C}.callback`,
        items: [
          item(`${C}.callback.made`, 'yesNo', 10, { allowNa: true }), // seed 000 L605
          item(`${C}.callback.satisfaction`, 'yesNo', 5, { allowNa: true }), // seed 000 L455
          item(`${C}.callback.praise`, 'yesNo', 5, { kind: 'bonus', allowNa: true }), // seed 001 L609
        ],
      },
      { text: RED, items: [privacy] },
    ],
  },
];
