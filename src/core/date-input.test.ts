import { describe, expect, it } from 'vitest';
import { dayText, readDay } from './date-input.js';

describe('a day typed the Indonesian way', () => {
  it('reads day/month/year with slashes, dashes or dots, and ISO', () => {
    expect(readDay('24/09/2025')).toEqual({ kind: 'day', iso: '2025-09-24' });
    expect(readDay(' 24-9-2025 ')).toEqual({ kind: 'day', iso: '2025-09-24' });
    expect(readDay('1.2.2025')).toEqual({ kind: 'day', iso: '2025-02-01' });
    expect(readDay('2025-09-24')).toEqual({ kind: 'day', iso: '2025-09-24' });
  });
  it('refuses a day that does not exist or a month first', () => {
    expect(readDay('31/02/2025')).toEqual({ kind: 'invalid' });
    expect(readDay('09/24/2025')).toEqual({ kind: 'invalid' });
    expect(readDay('24 September')).toEqual({ kind: 'invalid' });
    expect(readDay('')).toEqual({ kind: 'empty' });
  });
  it('writes a stored day back as it is typed', () => {
    expect(dayText('2025-09-24')).toBe('24/09/2025');
    expect(dayText(null)).toBe('');
    expect(readDay(dayText('2024-02-29'))).toEqual({ kind: 'day', iso: '2024-02-29' });
  });
});
