/**
 * Money is kept to the cent: every sum of rupiah amounts is rounded to whole cents, so that
 * adding 4.711.024.340,60 and its siblings gives 22.427.040.122,76 and not …122,760002
 * (binary floating point cannot hold most cent amounts exactly). Amounts up to 10^13 rupiah
 * stay exact in cents within a double.
 */
export const toCents = (amount: number): number => Math.round(amount * 100) / 100;

export const addMoney = (a: number, b: number): number => toCents(a + b);

/** The sum of the amounts, or null when there is none. */
export function sumMoney(values: Iterable<number | null>): number | null {
  let total: number | null = null;
  for (const v of values) if (v !== null) total = addMoney(total ?? 0, v);
  return total;
}
