/** Reading the mails the emulator sent, as a recipient reads them. */

/** (ticket, level) of each line of an escalation mail's text: `ID | level | …` (fixture IDs have 6 digits). */
export function escalationLines(body: string): Array<{ ticket: string; level: string }> {
  return body
    .split('\n')
    .map((line) => line.split(' | '))
    .filter((cells) => /^[A-Z]{2,6}-\d{4}-\d{5,6}$/.test(cells[0] ?? ''))
    .map((cells) => ({ ticket: cells[0], level: cells[1] ?? '' }));
}
