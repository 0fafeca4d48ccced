/**
 * Register figures as plain JSON (kept with an issued report, so that it reproduces from what was
 * counted when it was issued; compared to tell whether a measurement must be made again), and
 * the day they are counted at. IO-free.
 */
import type { RegisterFigure, RegisterFigures, RegisterTableFigure } from '../measure/register.js';

/** `RegisterFigures` as JSON: indicator ref → year → figures; activity list id → year → table. */
export interface PlainRegisterFigures {
  indicators: Record<string, Record<string, RegisterFigure[]>>;
  tables: Record<string, Record<string, RegisterTableFigure>>;
}

export function figuresToPlain(f: RegisterFigures): PlainRegisterFigures {
  const years = <T>(m: ReadonlyMap<number, T>): Record<string, T> => Object.fromEntries([...m].map(([y, v]) => [String(y), v]));
  return {
    indicators: Object.fromEntries([...f.indicators].map(([ref, m]) => [ref, years(m as ReadonlyMap<number, RegisterFigure[]>)])),
    tables: Object.fromEntries([...f.tables].map(([id, m]) => [id, years(m)])),
  };
}

export function figuresFromPlain(p: PlainRegisterFigures): RegisterFigures {
  const years = <T>(o: Record<string, T>): Map<number, T> => new Map(Object.entries(o).map(([y, v]) => [Number(y), v]));
  return {
    indicators: new Map(Object.entries(p.indicators).map(([ref, o]) => [ref, years(o)])),
    tables: new Map(Object.entries(p.tables).map(([id, o]) => [id, years(o)])),
  };
}

/** A text that differs whenever the figures do (what a measurement kept in memory was made from). */
export const figuresKey = (f: RegisterFigures | undefined): string => (f ? JSON.stringify(figuresToPlain(f)) : '');

/** The day (YYYY-MM-DD) it is in Jakarta at `now`: the day register figures are counted at. */
export function dayInJakarta(now: Date): string {
  // en-CA writes dates as YYYY-MM-DD
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
