import { Emulator, type EmulatorOptions } from '../../scripts/emulator';

/** Runs a plain-JS function body as one execution of a fresh bundle on `emu`. */
export function js(emu: Emulator, body: string, event?: unknown): unknown {
  emu.load(`function main(e) {\n${body}\n}`);
  return emu.run('main', event);
}

export function fresh(options: EmulatorOptions = {}): Emulator {
  return new Emulator({
    start: new Date('2026-03-02T01:00:00Z'),
    timeZone: 'Asia/Shanghai',
    locale: 'zh_CN',
    ...options,
  });
}
