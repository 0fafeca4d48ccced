/**
 * Efficiency (measurement.md, "Efficiency"): the supporting budget of indicators and the
 * comparison of an achievement with the absorption of that budget.
 *
 * Decisions where the spec is silent:
 * - A node supports an indicator in a year through a `share` support (any year) or a stated
 *   support for that year; when it has both, the stated amounts of that year count.
 * - A node's own indicators are supported by the node itself (share 1) unless some node's
 *   `supports` names them.
 * - The union of several indicators' budgets (a goal): every supporting node once; a node
 *   whose ancestor is in the union is counted through the ancestor; a node serving several
 *   of the indicators by share counts with the sum of those shares, at most 1; stated amounts
 *   for distinct indicators are added.
 * - A supporting node without any budget entry contributes nothing; when no supporting node
 *   has a budget, there is no supporting budget.
 */
import { addMoney } from './money.js';
import { finding, type Finding } from '../findings.js';
import { absorptionOf, finalBudget, spent as spentOfNode } from './budget.js';
import type { MeasureContext, SupportLink } from './context.js';
import type { EfficiencyRuleSpec } from './rules.js';

export type EfficiencyCategory = 'Efisien' | 'Cukup Efisien' | 'Tidak Efisien';

/** Efficiency category of an achievement A against an absorption S. */
export function efficiencyOf(rule: EfficiencyRuleSpec, achievement: number, absorption: number): EfficiencyCategory {
  if (rule.rule === 'simple') return achievement >= absorption ? 'Efisien' : 'Tidak Efisien';
  const d = achievement - absorption;
  if (d > rule.margin) return 'Efisien';
  if (Math.abs(d) <= rule.margin) return 'Cukup Efisien';
  return 'Tidak Efisien';
}

export type NoBudgetReason = 'no supporting budget' | 'zero supporting budget' | 'no spending recorded';

export interface SupportingBudget {
  budget: number | null;
  spent: number | null;
  absorption: number | null;
  /** ids of the nodes counted, document order */
  nodes: string[];
  /** why there is no absorption, when there is none */
  reason?: NoBudgetReason;
}

interface NodeTake {
  share: number;
  stated: { amount: number; spent: number }[];
}

/** The support links of one (canonical) indicator ref, with the implicit one of a node's own indicator. */
export function supportLinks(ctx: MeasureContext, indicatorRef: string): SupportLink[] {
  const explicit = ctx.supports.get(indicatorRef);
  if (explicit && explicit.length > 0) return explicit;
  const entry = ctx.idx.indicators.get(indicatorRef);
  if (entry?.owner.kind === 'node') return [{ node: entry.owner.node, support: { indicator: indicatorRef }, implicit: true }];
  return [];
}

/**
 * The budget supporting a set of indicators in a year: Σ share × final budget (or the stated
 * amount) over the supporting nodes, likewise spent, each node once (an ancestor in the set
 * absorbs its descendants), and the absorption of those sums.
 */
export function supportingBudget(ctx: MeasureContext, indicatorRefs: readonly string[], year: number): SupportingBudget {
  const takes = new Map<string, NodeTake>();
  for (const r of new Set(indicatorRefs.map((x) => ctx.canonical(x)))) {
    const links = supportLinks(ctx, r);
    const perNode = new Map<string, { share?: number; stated?: { amount: number; spent: number } }>();
    for (const { node, support } of links) {
      const cur = perNode.get(node.id) ?? {};
      if ('year' in support) {
        if (support.year === year) cur.stated = { amount: support.amount, spent: support.spent };
      } else {
        cur.share = Math.max(cur.share ?? 0, support.share ?? 1);
      }
      perNode.set(node.id, cur);
    }
    for (const [id, t] of perNode) {
      if (t.stated === undefined && t.share === undefined) continue;
      const take = takes.get(id) ?? { share: 0, stated: [] };
      if (t.stated) take.stated.push(t.stated);
      else if (t.share !== undefined) take.share = Math.min(1, take.share + t.share);
      takes.set(id, take);
    }
  }
  // drop nodes counted through an ancestor
  const counted: string[] = [];
  for (const id of takes.keys()) {
    let parent = ctx.budget.nodes.get(id)?.parent;
    const seen = new Set<string>([id]);
    let throughAncestor = false;
    while (parent !== undefined && !seen.has(parent)) {
      if (takes.has(parent)) {
        throughAncestor = true;
        break;
      }
      seen.add(parent);
      parent = ctx.budget.nodes.get(parent)?.parent;
    }
    if (!throughAncestor) counted.push(id);
  }
  counted.sort((a, b) => (ctx.budget.position.get(a) ?? 0) - (ctx.budget.position.get(b) ?? 0));

  let budget: number | null = null;
  let spent: number | null = null;
  for (const id of counted) {
    const take = takes.get(id);
    if (!take) continue;
    if (take.share > 0) {
      const f = finalBudget(ctx.budget, id, year);
      if (f !== null) budget = addMoney(budget ?? 0, take.share * f);
      const s = spentOfNode(ctx.budget, id, year);
      if (s !== null) spent = addMoney(spent ?? 0, take.share * s);
    }
    for (const st of take.stated) {
      budget = addMoney(budget ?? 0, st.amount);
      spent = addMoney(spent ?? 0, st.spent);
    }
  }
  const out: SupportingBudget = { budget, spent, absorption: absorptionOf(budget, spent), nodes: counted };
  if (budget === null) {
    out.spent = null;
    out.reason = 'no supporting budget';
  } else if (budget === 0) out.reason = 'zero supporting budget';
  else if (spent === null) out.reason = 'no spending recorded';
  return out;
}

/**
 * Findings on `supports`: within one plan, a node's shares add up to more than 1.
 * Stated-amount supports and indicators outside plans are not part of this check.
 */
export function supportFindings(ctx: MeasureContext): Finding[] {
  const out: Finding[] = [];
  ctx.ds.programs.forEach((node, i) => {
    const perPlan = new Map<string, { total: number; refs: string[] }>();
    for (const s of node.supports ?? []) {
      if ('year' in s) continue;
      const entry = ctx.idx.indicators.get(ctx.canonical(s.indicator));
      if (!entry) continue;
      const plan =
        entry.owner.kind === 'plan' ? entry.owner.plan.id : entry.owner.kind === 'agreement' ? entry.owner.agreement.plan : null;
      if (plan === null) continue;
      const acc = perPlan.get(plan) ?? { total: 0, refs: [] };
      acc.total += s.share ?? 1;
      acc.refs.push(entry.ref);
      perPlan.set(plan, acc);
    }
    for (const [plan, acc] of perPlan) {
      if (acc.total > 1 + 1e-9) {
        out.push(
          finding(
            'warning',
            'support-shares-exceed-one',
            `programs[${i}].supports (${node.id})`,
            `the shares with which ${node.id} supports indicators of ${plan} (${acc.refs.join(', ')}) add up to ${acc.total}; expected at most 1`,
            `jumlah porsi dukungan ${node.id} terhadap indikator ${plan} (${acc.refs.join(', ')}) adalah ${acc.total}; seharusnya paling besar 1`,
          ),
        );
      }
    }
  });
  return out;
}
