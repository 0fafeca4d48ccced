/** The signed form of a performance agreement, laid out for printing (A4, the browser's print). */
import { api, type AgencyProfile, type Person } from '../api.js';
import { ErrorView, Loading } from '../components/ui.js';
import { formatDate, num, rp } from '../fmt.js';
import { useAsync } from '../hooks.js';
import { useI18n } from '../i18n.js';
import { href } from '../router.js';
import { namesFrom } from './Agreements.js';

export default function AgreementPrint({ profile, id }: { profile: AgencyProfile; id: string }) {
  const { t, lang } = useI18n();
  const data = useAsync(
    async (signal) => {
      const [all, plans] = await Promise.all([api.agreements(profile.id, undefined, signal), api.plans(profile.id, signal)]);
      const a = all.find((x) => x.record.id === id);
      const nodes = a && a.record.budget.length > 0 ? await api.programs(profile.id, a.record.year, signal) : [];
      return { all, plans, nodes };
    },
    [profile.id, id],
  );
  if (data.status === 'error') return <ErrorView error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Loading />;
  const { all, plans, nodes } = data.data;
  const view = all.find((x) => x.record.id === id);
  if (!view) return <ErrorView error={new Error(`${t('error.notFound')} (${id})`)} />;
  const a = view.record;
  const names = namesFrom(plans, all);
  const nodeName = new Map(nodes.map((n) => [n.record.id, n.record.name]));
  const units = new Map<string, string>();
  for (const p of plans) for (const i of p.indicators) units.set(`${p.id}/${i.record.id}`, i.record.unit ?? '');
  for (const x of all) for (const i of x.record.indicators ?? []) units.set(`${x.record.id}/${i.id}`, i.unit ?? '');
  const unitOf = (ref: string | null) => (ref ? (units.get(ref) ?? '') : '');
  // rows grouped by goal, in order of first appearance
  const groups: { goal: string; rows: { indicator: string; target: number | string; ref: string | null }[] }[] = [];
  a.rows.forEach((r, i) => {
    let g = groups.find((x) => x.goal === r.goal);
    if (!g) groups.push((g = { goal: r.goal, rows: [] }));
    g.rows.push({ indicator: r.indicator, target: r.target, ref: view.differences[i]?.ref ?? null });
  });
  const totalBudget = a.budget.reduce((s, b) => s + b.amount, 0);
  const party = (p: Person) => (
    <table className="party">
      <tbody>
        <tr>
          <th scope="row">{t('agr.name')}</th>
          <td>{p.name}</td>
        </tr>
        <tr>
          <th scope="row">{t('agr.position')}</th>
          <td>{p.acting && !/^plt\b/i.test(p.position) ? `Plt. ${p.position}` : p.position}</td>
        </tr>
      </tbody>
    </table>
  );
  const signature = (label: string, p: Person) => (
    <div className="signature">
      <p>{label}</p>
      <p className="sign-space" aria-hidden="true" />
      <p className="sign-name">{p.name}</p>
      {p.rank && <p>{p.rank}</p>}
      {p.nip && <p>NIP. {p.nip}</p>}
    </div>
  );
  return (
    <div className="page print-page">
      <div className="toolbar no-print">
        <a className="button" href={href('a', profile.id, 'agreements', a.year)}>
          ← {t('common.back')}
        </a>
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('common.print')}
        </button>
      </div>
      <article className="document" data-testid="agreement-document">
        <header className="doc-head">
          <p className="doc-region">{profile.region.toUpperCase()}</p>
          <h1>{a.kind === 'amendment' ? t('agr.printAmendTitle', { year: a.year }) : t('agr.printTitle', { year: a.year })}</h1>
          <p className="doc-agency">{profile.agency.name.toUpperCase()}</p>
        </header>
        <p>{t('agr.printIntro')}</p>
        {party(a.firstParty)}
        <p>{t('agr.printFirst')}.</p>
        {party(a.secondParty)}
        <p>{t('agr.printSecond')}.</p>
        <p>{t('agr.printPromise')}</p>
        <div className="signatures">
          <div className="sign-place">
            {a.place}, {formatDate(a.signedOn, lang)}
          </div>
          {signature(t('agr.printSign'), a.secondParty)}
          {signature(t('agr.printSign1'), a.firstParty)}
        </div>
        <section className="annex">
          <h2>
            {a.kind === 'amendment' ? t('agr.printAmendTitle', { year: a.year }) : t('agr.printTitle', { year: a.year })} — {profile.agency.name}
          </h2>
          <table className="doc-table">
            <thead>
              <tr>
                <th scope="col">{t('col.no')}</th>
                <th scope="col">{t('col.goal')}</th>
                <th scope="col">{t('col.indicator')}</th>
                <th scope="col">{t('col.target')}</th>
              </tr>
            </thead>
            <tbody>
              {groups.flatMap((g, gi) =>
                g.rows.map((r, ri) => (
                  <tr key={`${g.goal}-${r.indicator}`}>
                    {ri === 0 && <td rowSpan={g.rows.length}>{gi + 1}</td>}
                    {ri === 0 && <td rowSpan={g.rows.length}>{names.goal(a, g.goal)}</td>}
                    <td>{names.indicator(a, r.indicator)}</td>
                    <td className="num">
                      {num(r.target)} {unitOf(r.ref)}
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
          {a.budget.length > 0 && (
            <table className="doc-table">
              <thead>
                <tr>
                  <th scope="col">{t('col.no')}</th>
                  <th scope="col">{t('col.node')}</th>
                  <th scope="col">{t('agr.budget')}</th>
                  <th scope="col">{t('agr.source')}</th>
                </tr>
              </thead>
              <tbody>
                {a.budget.map((b, i) => (
                  <tr key={`${b.program}-${i}`}>
                    <td>{i + 1}</td>
                    <td>{nodeName.get(b.program) ?? b.program}</td>
                    <td className="num">{rp(b.amount)}</td>
                    <td>{b.source}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row" colSpan={2}>
                    {t('common.total')}
                  </th>
                  <td className="num">
                    <strong>{rp(totalBudget)}</strong>
                  </td>
                  <td />
                </tr>
              </tbody>
            </table>
          )}
          <div className="signatures">
            <div className="sign-place">
              {a.place}, {formatDate(a.signedOn, lang)}
            </div>
            {signature(t('agr.printSign'), a.secondParty)}
            {signature(t('agr.printSign1'), a.firstParty)}
          </div>
        </section>
      </article>
    </div>
  );
}
