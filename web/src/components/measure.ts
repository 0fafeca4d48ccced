/** How an indicator is measured, in words (the plans page and the realization editor). */
import type { Indicator } from '../api.js';
import { num } from '../fmt.js';
import type { Translate } from '../i18n.js';

export function measureText(ind: Indicator, t: Translate): string {
  const m = ind.measure;
  switch (m.type) {
    case 'value':
      return t('plans.measure.value');
    case 'count':
      return t('plans.measure.count');
    case 'ratio':
      return t('plans.measure.ratio', { num: m.numerator, den: m.denominator, factor: num(m.factor ?? 100) });
    case 'category':
      return t('plans.measure.category', { list: m.categories.map((c) => `${c.label} (${num(c.score)})`).join(', ') });
    case 'derived':
      return t('plans.measure.derived', { n: m.of.length });
    case 'countOf':
      return t('plans.measure.countOf');
  }
}
