/**
 * The application shell: sign-in when there is no session; otherwise the header (user, role,
 * agency, language, sign-out), the navigation of the agency and year in view, and the page of
 * the route, each page loaded on first visit.
 */
import { lazy, Suspense, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, type AgencyProfile, type AgencySummary, type User, type Worklist as WorklistData } from './api.js';
import { useAuth } from './auth.js';
import { useAsync } from './hooks.js';
import { useI18n, type MessageKey } from './i18n.js';
import { currentPath, href, navigate, segments, useFocusHeadingOnNavigate, useHashPath } from './router.js';
import { ErrorView, Loading } from './components/ui.js';
import { SignIn } from './pages/SignIn.js';

const Dashboard = lazy(() => import('./pages/Dashboard.js'));
const RegionDashboard = lazy(() => import('./pages/RegionDashboard.js'));
const Plans = lazy(() => import('./pages/Plans.js'));
const Agreements = lazy(() => import('./pages/Agreements.js'));
const AgreementPrint = lazy(() => import('./pages/AgreementPrint.js'));
const Programs = lazy(() => import('./pages/Programs.js'));
const Realizations = lazy(() => import('./pages/Realizations.js'));
const Evaluation = lazy(() => import('./pages/Evaluation.js'));
const DataPage = lazy(() => import('./pages/Data.js'));
const Narrative = lazy(() => import('./pages/Narrative.js'));
const Accounts = lazy(() => import('./pages/Accounts.js'));
const AccountPage = lazy(() => import('./pages/Account.js'));
const Profile = lazy(() => import('./pages/Profile.js'));
const Issued = lazy(() => import('./pages/Issued.js'));
const Audit = lazy(() => import('./pages/Audit.js'));
const Worklist = lazy(() => import('./pages/Worklist.js'));
const Drill = lazy(() => import('./pages/Drill.js'));
const Registers = lazy(() => import('./pages/Registers.js'));

export type Section = 'dashboard' | 'profile' | 'plans' | 'agreements' | 'programs' | 'realizations' | 'evaluation' | 'narrative' | 'issued' | 'audit' | 'register' | 'data' | 'rincian';

/** The roles that read an agency's audit trail (the server's policies/audit.ts decides; this only hides the tab). */
const AUDIT_READERS: readonly User['role'][] = ['planner', 'head', 'admin', 'evaluator'];

const SECTIONS: { id: Section; label: MessageKey; yearly: boolean; shownTo?: readonly User['role'][] }[] = [
  { id: 'dashboard', label: 'nav.dashboard', yearly: true },
  { id: 'profile', label: 'nav.profile', yearly: false },
  { id: 'plans', label: 'nav.plans', yearly: false },
  { id: 'agreements', label: 'nav.agreements', yearly: true },
  { id: 'programs', label: 'nav.programs', yearly: true },
  { id: 'realizations', label: 'nav.realizations', yearly: true },
  { id: 'evaluation', label: 'nav.evaluation', yearly: false },
  { id: 'narrative', label: 'nav.narrative', yearly: false },
  { id: 'issued', label: 'nav.issued', yearly: true },
  { id: 'audit', label: 'nav.audit', yearly: false, shownTo: AUDIT_READERS },
  { id: 'register', label: 'nav.register', yearly: false },
  { id: 'data', label: 'nav.data', yearly: false },
];

/** A year from the route, or the agency's latest year with data, or this year. */
export function defaultYear(profile: AgencyProfile | undefined): number {
  const years = profile?.years ?? [];
  return years.length > 0 ? years[years.length - 1]! : new Date().getFullYear();
}

export function App() {
  const { user } = useAuth();
  if (user === undefined) {
    return (
      <main id="main" className="center">
        <Loading />
      </main>
    );
  }
  if (user === null) return <SignIn />;
  return <SignedIn user={user} key={user.id} />;
}

/** After sign-in everyone lands on "Tugas saya", the worklist. */
const HOME = '/tugas';

function SignedIn({ user }: { user: User }) {
  const { t } = useI18n();
  const path = useHashPath();
  useFocusHeadingOnNavigate(path);
  const seg = segments(path);
  const agencies = useAsync((signal) => api.agencies(signal), []);
  const agencyId = seg[0] === 'a' ? seg[1] : undefined;
  const profile = useAsync((signal) => (agencyId ? api.agency(agencyId, signal) : Promise.resolve(undefined)), [agencyId]);
  // the worklist: its page, the count in the header, and the latest year with data (the region dashboard's default);
  // read again on every page change, so that the count follows the work done
  const worklist = useAsync((signal) => api.worklist(signal), [path]);
  const latestYear = worklist.data?.latestYear ?? new Date().getFullYear();

  useEffect(() => {
    // only from the bare address: a page opened meanwhile (a bookmark, a link) stays
    if (seg.length === 0 && segments(currentPath()).length === 0) navigate(HOME, { replace: true });
  }, [seg.length]);

  let page: ReactNode;
  let section: Section | 'region' | 'regionAudit' | 'accounts' | 'account' | 'worklist' | undefined;
  let year: number | undefined;
  if (seg[0] === 'tugas' && seg.length === 1) {
    section = 'worklist';
    page = <Worklist data={worklist} />;
  } else if (seg[0] === 'region' && seg[1]) {
    section = 'region';
    // without a year in the address: the latest year with data, not an empty current year
    year = Number(seg[2]) || (worklist.data ? latestYear : undefined);
    page = year === undefined ? (worklist.status === 'error' ? <ErrorView error={worklist.error} onRetry={worklist.reload} /> : <Loading />) : <RegionDashboard region={seg[1]} year={year} />;
  } else if (seg[0] === 'a' && agencyId) {
    section = (seg[2] as Section | undefined) ?? 'dashboard';
    if (profile.status === 'error') page = <ErrorView error={profile.error} onRetry={profile.reload} />;
    else if (!profile.data || profile.data.id !== agencyId) page = <Loading />;
    else {
      const p = profile.data;
      const y = Number(seg[3]);
      year = Number.isInteger(y) && y > 1900 ? y : defaultYear(p);
      switch (section) {
        case 'dashboard':
          page = <Dashboard profile={p} year={year} />;
          break;
        case 'profile':
          page = <Profile profile={p} onChanged={profile.reload} />;
          break;
        case 'plans':
          page = <Plans profile={p} />;
          break;
        case 'agreements':
          page = seg[3] === 'print' && seg[4] ? <AgreementPrint profile={p} id={seg[4]} /> : <Agreements profile={p} year={year} path={path} onChanged={profile.reload} />;
          if (seg[3] === 'print') year = undefined;
          break;
        case 'programs':
          page = <Programs profile={p} year={year} />;
          break;
        case 'realizations':
          page = <Realizations profile={p} year={year} path={path} onChanged={profile.reload} />;
          break;
        case 'evaluation':
          page = <Evaluation profile={p} path={path} />;
          break;
        case 'narrative':
          page = <Narrative profile={p} year={Number.isInteger(y) && y > 1900 ? y : undefined} />;
          break;
        case 'issued':
          page = <Issued profile={p} year={year} />;
          break;
        case 'audit':
          page = <Audit scope={{ agency: p.id }} title={t('aud.title')} />;
          break;
        case 'register':
          // `#/a/<agency>/register/<year>` (a link that carries the year) opens the index; a register whose id is four digits is not reachable here
          page = seg[3] && !/^\d{4}$/.test(seg[3]) ? <Registers profile={p} register={seg[3]} entityKey={seg[4]} /> : <Registers profile={p} register={undefined} entityKey={undefined} />;
          break;
        case 'data':
          page = <DataPage profile={p} />;
          break;
        case 'rincian':
          // a figure's drill-down: no tab of its own, its year in the address (`?tahun=`)
          page = <Drill profile={p} path={path} />;
          year = Number(new URLSearchParams(path.split('?')[1] ?? '').get('tahun')) || year;
          break;
        default:
          page = <NotFound />;
      }
    }
  } else if (seg[0] === 'accounts' && seg.length === 1) {
    // the server answers only the region's admin; anyone else who opens the address sees its refusal
    section = 'accounts';
    page = <Accounts />;
  } else if (seg[0] === 'account' && seg.length === 1) {
    section = 'account';
    page = <AccountPage />;
  } else if (seg[0] === 'audit' && user.role === 'admin' && user.region) {
    section = 'regionAudit';
    page = <Audit scope={{ region: user.region }} title={t('aud.regionTitle', { region: user.region })} />;
  } else if (seg[0] === 'data') {
    section = 'data';
    page = <DataPage profile={undefined} />;
  } else if (seg.length === 0) {
    page = agencies.status === 'error' ? <ErrorView error={agencies.error} onRetry={agencies.reload} /> : <Loading />;
  } else {
    page = <NotFound />;
  }

  return (
    <>
      <a className="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        <SkipText />
      </a>
      <Header user={user} agencies={agencies.data ?? []} agencyId={agencyId} section={section} year={year} profile={profile.data} work={worklist.data} />
      {agencyId && profile.data?.id === agencyId && profile.status !== 'error' && <AgencyNav agencyId={agencyId} section={section} year={year} role={user.role} />}
      {/* on "Tugas saya", an agency's user keeps the way to their agency's pages */}
      {section === 'worklist' && user.agencyId && <AgencyNav agencyId={user.agencyId} section={section} year={undefined} role={user.role} />}
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>{page}</Suspense>
      </main>
    </>
  );
}

function SkipText() {
  const { t } = useI18n();
  return <>{t('app.skip')}</>;
}

function NotFound() {
  const { t } = useI18n();
  return <p>{t('common.notFound')}</p>;
}

function Header(props: {
  user: User;
  agencies: AgencySummary[];
  agencyId: string | undefined;
  section: Section | 'region' | 'regionAudit' | 'accounts' | 'account' | 'worklist' | undefined;
  year: number | undefined;
  profile: AgencyProfile | undefined;
  work: WorklistData | undefined;
}) {
  const { user, agencies, agencyId, section, year, profile, work } = props;
  const { t, lang, setLang } = useI18n();
  const { signOut } = useAuth();
  const ownAgency = agencies.find((a) => a.id === user.agencyId);
  const regionRole = user.role === 'admin' || user.role === 'evaluator';
  const years = useMemo(() => {
    const base = new Set<number>(profile?.years ?? []);
    const now = new Date().getFullYear();
    for (let y = now - 3; y <= now + 1; y++) base.add(y);
    if (year) base.add(year);
    return [...base].sort((a, b) => a - b);
  }, [profile, year]);
  const yearly = section === 'region' || SECTIONS.some((s) => s.id === section && s.yearly);

  const goAgency = (id: string) => {
    const sec: Section = SECTIONS.find((s) => s.id === section)?.id ?? 'dashboard';
    navigate(`/a/${encodeURIComponent(id)}/${sec}${year && SECTIONS.find((s) => s.id === sec)?.yearly ? `/${year}` : ''}`);
  };
  const goYear = (y: number) => {
    if (section === 'region' && user.region) navigate(`/region/${encodeURIComponent(user.region)}/${y}`);
    else if (agencyId && SECTIONS.some((s) => s.id === section)) navigate(`/a/${encodeURIComponent(agencyId)}/${section}/${y}`);
  };

  return (
    <header className="topbar">
      <div className="brand">
        <a href="#/">
          <strong>{t('app.name')}</strong>
        </a>
        <span className="tagline">{t('app.tagline')}</span>
      </div>
      <div className="pickers">
        <a className={`navlink ${section === 'worklist' ? 'active' : ''}`} href="#/tugas" aria-current={section === 'worklist' ? 'page' : undefined} data-testid="nav-worklist">
          {t('nav.worklist')}
          {work && work.counts.total > 0 && (
            <span className={`nav-count ${work.counts.overdue > 0 ? 'nav-count-overdue' : ''}`} data-testid="nav-worklist-count" title={t('work.badge', { n: work.counts.total, overdue: work.counts.overdue })}>
              <span aria-hidden="true">{work.counts.total}</span>
              <span className="sr-only">{t('work.badge', { n: work.counts.total, overdue: work.counts.overdue })}</span>
            </span>
          )}
        </a>
        {regionRole && user.region && (
          <a
            className={`navlink ${section === 'region' ? 'active' : ''}`}
            href={href('region', user.region, section === 'region' && year !== undefined ? year : (work?.latestYear ?? new Date().getFullYear()))}
            aria-current={section === 'region' ? 'page' : undefined}
          >
            {t('nav.region')}
          </a>
        )}
        {user.role === 'admin' && (
          <a className={`navlink ${section === 'accounts' ? 'active' : ''}`} href="#/accounts" aria-current={section === 'accounts' ? 'page' : undefined}>
            {t('nav.accounts')}
          </a>
        )}
        {user.role === 'admin' && user.region && (
          <a className={`navlink ${section === 'regionAudit' ? 'active' : ''}`} href="#/audit" aria-current={section === 'regionAudit' ? 'page' : undefined}>
            {t('nav.regionAudit')}
          </a>
        )}
        {agencies.length > 1 && (
          <label>
            <span>{t('nav.agency')}</span>
            <select value={agencyId ?? ''} onChange={(e) => e.target.value && goAgency(e.target.value)}>
              <option value="">—</option>
              {agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.abbreviation ?? a.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {yearly && year !== undefined && (
          <label>
            <span>{t('nav.year')}</span>
            <select value={year} onChange={(e) => goYear(Number(e.target.value))}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className="who" aria-label={t('auth.user')}>
        <span className="who-name" data-testid="user-name">
          {user.name}
        </span>
        <span className="who-role" data-testid="user-role">
          {t(`role.${user.role}` as MessageKey)}
          {ownAgency ? ` · ${ownAgency.abbreviation ?? ownAgency.name}` : user.region ? ` · ${user.region}` : ''}
        </span>
        <a className={`navlink ${section === 'account' ? 'active' : ''}`} href="#/account" aria-current={section === 'account' ? 'page' : undefined}>
          {t('nav.account')}
        </a>
        <button type="button" className="link" onClick={() => setLang(lang === 'id' ? 'en' : 'id')} lang={lang === 'id' ? 'en' : 'id'}>
          {t('lang.switch')}
        </button>
        <button type="button" onClick={() => void signOut().then(() => navigate('/', { replace: true }))}>
          {t('auth.signOut')}
        </button>
      </div>
    </header>
  );
}

function AgencyNav({ agencyId, section, year, role }: { agencyId: string; section: Section | 'region' | 'regionAudit' | 'accounts' | 'account' | 'worklist' | undefined; year: number | undefined; role: User['role'] }) {
  const { t } = useI18n();
  // the row of tabs scrolls on a narrow screen: shaded edges and arrows say which way more tabs are
  const box = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState({ before: false, after: false });
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setMore({ before: el.scrollLeft > 1, after: el.scrollLeft + el.clientWidth < el.scrollWidth - 1 });
    // the current tab in view
    const current = el.querySelector<HTMLElement>('[aria-current="page"]');
    if (current && (current.offsetLeft < el.scrollLeft || current.offsetLeft + current.offsetWidth > el.scrollLeft + el.clientWidth)) {
      el.scrollLeft = Math.max(0, current.offsetLeft - el.clientWidth / 2 + current.offsetWidth / 2);
    }
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    el.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', measure);
    };
  }, [section]);
  return (
    <nav className="sections" aria-label={t('nav.main')} data-more-before={String(more.before)} data-more-after={String(more.after)}>
      <div className="sections-scroll" ref={box}>
        <ul>
          {SECTIONS.filter((s) => !s.shownTo || s.shownTo.includes(role)).map((s) => {
            const to = s.yearly && year ? href('a', agencyId, s.id, year) : href('a', agencyId, s.id);
            const current = section === s.id;
            return (
              <li key={s.id}>
                <a href={to} className={current ? 'active' : ''} aria-current={current ? 'page' : undefined}>
                  {t(s.label)}
                </a>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}
