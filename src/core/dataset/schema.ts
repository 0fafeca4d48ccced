/**
 * The Kinerja dataset, format version 1 (shared spec: dataset-format.md).
 *
 * These zod schemas are the single source of truth for the shape of a dataset:
 * the importer validates with them, the JSON Schema in docs/ is generated from them,
 * and the TypeScript types of the whole project are inferred from them.
 *
 * Every object is strict (an unknown field is an error) and may carry `extra` (kept
 * verbatim) and `note`. Referential rules (ids that must exist, uniqueness) are checked
 * separately in validate.ts, because they need the whole document.
 */
import { z } from 'zod';
import { zodMessage } from '../findings.js';

export const DATASET_FORMAT = 'kinerja-dataset/1' as const;
export const REGION_FORMAT = 'kinerja-region/1' as const;
export const SUPPORTED_FORMATS = [DATASET_FORMAT, REGION_FORMAT] as const;

/** Ids of plans, agreements and program nodes may not be one of these (they prefix claim subjects). */
export const RESERVED_IDS = ['agency', 'expenditures', 'staffing', 'assets', 'activities'] as const;

const extra = z.record(z.string(), z.unknown());

/** A strict object that also accepts `extra` and `note`. */
function obj<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject({ ...shape, extra: extra.optional(), note: z.string().optional() });
}

/**
 * What a document may hold at most (dataset-format.md, "Limits"): everything within them is
 * stored by both engines and comes back equal on export; validation refuses the rest with a path.
 * Lengths count UTF-16 code units (JavaScript's `length`; one per character of Indonesian text).
 */
export const LIMITS = {
  /** an id (and the agency id, whether its code or derived from its abbreviation or name) */
  idLength: 64,
  /** a reference `owner/id` */
  refLength: 129,
  /** a name, title, statement, label or other short text */
  nameLength: 500,
  /** any text (free text, notes, narrative, strings under `extra`) */
  textLength: 50_000,
  /** a key of an object (under `extra`, `targets` …) */
  keyLength: 500,
  /** how many levels below the document's root a value may sit (free-form values under `extra`) */
  depth: 32,
  /** the years a date may fall in */
  firstYear: 1900,
  lastYear: 2100,
} as const;

/**
 * Ids that would be taken for something else: JavaScript's own property names (an id is used as
 * a key) and path steps (an agency id names files and URLs).
 */
export const UNSAFE_IDS = [
  '.',
  '..',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toString',
  'toLocaleString',
  'valueOf',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
] as const;
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The characters an id may hold: any but "/", "\\" and control characters. */
export const ID_CHARS = /^[^/\\\u0000-\u001f\u007f]*$/;
/** Not one of UNSAFE_IDS. */
export const NOT_UNSAFE_ID = new RegExp(`^(?!(?:${UNSAFE_IDS.map(escapeRe).join('|')})$)`);
const SLASHES = `${JSON.stringify('/')}, ${JSON.stringify('\\')}`;
const UNSAFE_SHOWN = ['.', '..', '__proto__', 'constructor', 'toString'].map((w) => JSON.stringify(w)).join(', ');

export const Id = z
  .string()
  .min(1, zodMessage('an id must not be empty', 'id tidak boleh kosong'))
  .max(LIMITS.idLength, zodMessage(`expected an id of at most ${LIMITS.idLength} characters`, `seharusnya id paling banyak ${LIMITS.idLength} karakter`))
  .regex(ID_CHARS, zodMessage(`expected an id without ${SLASHES} or control characters`, `seharusnya id tanpa ${SLASHES} atau karakter kendali`))
  .regex(
    NOT_UNSAFE_ID,
    zodMessage(
      `expected an id that is not a path step or a name every JavaScript object has (${UNSAFE_SHOWN} …)`,
      `seharusnya id yang bukan langkah jalur berkas atau nama yang dimiliki setiap objek JavaScript (${UNSAFE_SHOWN} …)`,
    ),
  );
/** A reference `owner/id` to an indicator or another entry. */
export const Ref = z
  .string()
  .min(1)
  .max(LIMITS.refLength, zodMessage(`expected a reference of at most ${LIMITS.refLength} characters`, `seharusnya rujukan paling banyak ${LIMITS.refLength} karakter`));
/** A name, title, statement or label: not empty, at most LIMITS.nameLength characters. */
export const Name = z
  .string()
  .min(1)
  .max(LIMITS.nameLength, zodMessage(`expected at most ${LIMITS.nameLength} characters`, `seharusnya paling banyak ${LIMITS.nameLength} karakter`));
export const Year = z.number().int().min(1900).max(2200);
export const IsoDate = z.iso
  .date({ message: zodMessage('expected a date as YYYY-MM-DD', 'seharusnya berupa tanggal berformat YYYY-MM-DD') })
  .regex(
    /^(?:19\d\d|20\d\d|2100)-/,
    zodMessage(
      `expected a date between ${LIMITS.firstYear}-01-01 and ${LIMITS.lastYear}-12-31`,
      `seharusnya tanggal antara ${LIMITS.firstYear}-01-01 dan ${LIMITS.lastYear}-12-31`,
    ),
  );
export const Money = z.number().finite();
export const Num = z.number().finite();
const aliases = z.array(z.string()).optional();

export const Period = z.enum(['Y', 'S1', 'S2', 'Q1', 'Q2', 'Q3', 'Q4']);
export type Period = z.infer<typeof Period>;

// ---------------------------------------------------------------- files (images and attached documents)

/** The media types of a file the dataset refers to (dataset-format.md, "Files"). */
export const FILE_MEDIA_TYPES = ['image/png', 'image/jpeg', 'application/pdf'] as const;
export const IMAGE_MEDIA_TYPES = ['image/png', 'image/jpeg'] as const;
export type FileMediaType = (typeof FILE_MEDIA_TYPES)[number];
/** A SHA-256 content hash in lower-case hex. */
export const Sha256 = z
  .string()
  .regex(/^[0-9a-f]{64}$/, zodMessage('expected a SHA-256 hash: 64 lower-case hexadecimal digits', 'seharusnya hash SHA-256: 64 digit heksadesimal huruf kecil'));
const fileFields = {
  /** the file's content hash: the store and a bundle keep its bytes under it */
  sha256: Sha256,
  mediaType: z.enum(FILE_MEDIA_TYPES),
  /** the file's name as uploaded (shown in lists of attachments) */
  name: Name,
  /** its size in bytes */
  size: z.number().int().positive(),
  caption: z.string().max(LIMITS.nameLength).optional(),
};
/** A file the dataset refers to: its bytes live in the store (or a bundle), not in the document. */
export const FileRef = obj(fileFields);
export type FileRef = z.infer<typeof FileRef>;
/** An image (PNG or JPEG): the agency's crest. */
export const ImageRef = obj({ ...fileFields, mediaType: z.enum(IMAGE_MEDIA_TYPES) });
export type ImageRef = z.infer<typeof ImageRef>;
/**
 * A documentation photo of an activity (`activity`: an activity list's id) or an indicator
 * (`indicator`: a reference `owner/id`), with its caption; shown where the report discusses it.
 */
export const Photo = obj({
  ...fileFields,
  mediaType: z.enum(IMAGE_MEDIA_TYPES),
  caption: Name,
  activity: Id.optional(),
  indicator: Ref.optional(),
  /** the year it documents (any year when absent) */
  year: Year.optional(),
});
export type Photo = z.infer<typeof Photo>;

export const Person = obj({
  name: Name,
  position: z.string(),
  nip: z.string().optional(),
  rank: z.string().optional(),
  acting: z.boolean().optional(),
  aliases,
});
export type Person = z.infer<typeof Person>;

export const Agency = obj({
  name: Name,
  region: Name,
  head: Person,
  code: Id.optional(),
  abbreviation: z.string().optional(),
  address: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  website: z.string().optional(),
  tasks: z.array(z.string()).optional(),
  functions: z.array(z.string()).optional(),
  legalBasis: z.array(z.string()).optional(),
  successor: z.string().optional(),
  successorFrom: Year.optional(),
  /** the agency's crest (logo), on the cover and the letterhead */
  crest: ImageRef.optional(),
});
export type Agency = z.infer<typeof Agency>;

// ---------------------------------------------------------------- settings

export const RatingBand = obj({
  min: Num,
  label: Name,
  color: z.string().optional(),
});
export type RatingBand = z.infer<typeof RatingBand>;

export const NegativeMethod = z.enum(['reverse', 'ratio']);
export type NegativeMethod = z.infer<typeof NegativeMethod>;

export const EfficiencyRule = z.union([
  obj({ rule: z.literal('simple') }),
  obj({ rule: z.literal('band'), margin: Num.nonnegative() }),
]);
export type EfficiencyRule = z.infer<typeof EfficiencyRule>;

/** Thresholds of the data-quality findings (measurement.md, "Data-quality findings"). */
export const QualitySettings = obj({
  /** `implausible-jump`: a realization or achievement at least this many times (or at most 1/this of) the previous year's or the baseline */
  jumpFactor: Num.gt(1).optional(),
  /** `approved-without-evidence`: an approved realization must carry evidence */
  requireEvidence: z.boolean().optional(),
});
export type QualitySettings = z.infer<typeof QualitySettings>;
/** One band of the SAKIP grade scale: a score above `above` takes `code` and `label`; the band without `above` takes the rest. */
export const GradeBand = obj({
  code: z.string().min(1),
  label: z.string().min(1),
  above: Num.optional(),
});
export type GradeBand = z.infer<typeof GradeBand>;

export const WorkflowState = z.enum(['draft', 'submitted', 'verified', 'approved']);
export type WorkflowState = z.infer<typeof WorkflowState>;

/**
 * When realizations and recommendations are due (the worklist "Tugas saya"; dataset-format.md,
 * "Reporting calendar"): the defaults are in core/worklist/calendar.ts.
 */
export const ReportingCalendar = obj({
  /** the periods within the year each indicator of the year's agreement reports, besides the year itself */
  periods: z.array(Period.exclude(['Y'])).optional(),
  /** days after a period's last day by which its realization is due */
  dueDays: obj({
    Q1: z.number().int().nonnegative().max(366).optional(),
    Q2: z.number().int().nonnegative().max(366).optional(),
    Q3: z.number().int().nonnegative().max(366).optional(),
    Q4: z.number().int().nonnegative().max(366).optional(),
    S1: z.number().int().nonnegative().max(366).optional(),
    S2: z.number().int().nonnegative().max(366).optional(),
    Y: z.number().int().nonnegative().max(366).optional(),
  }).optional(),
  /** days after the due date an entry may still come before it is overdue */
  graceDays: z.number().int().nonnegative().max(366).optional(),
  /** days before its due date an open recommendation appears as due */
  recommendationNoticeDays: z.number().int().nonnegative().max(366).optional(),
});
export type ReportingCalendar = z.infer<typeof ReportingCalendar>;

export const Settings = obj({
  ratingScale: z.array(RatingBand).min(1).optional(),
  negativeMethod: NegativeMethod.optional(),
  efficiency: EfficiencyRule.optional(),
  achievementCap: Num.positive().optional(),
  quality: QualitySettings.optional(),
  /** the SAKIP grade of an evaluation score (measurement.md, "SAKIP grade") */
  gradeScale: z.array(GradeBand).min(1).optional(),
  /** the workflow states whose realizations count in the official figures (measurement.md) */
  countedStates: z.array(WorkflowState).min(1).optional(),
  /** when realizations and recommendations are due (the worklist; dataset-format.md, "Reporting calendar") */
  calendar: ReportingCalendar.optional(),
  /** the regulation the `ratingScale` of the same settings comes from, as a report cites it under the scale */
  ratingScaleSource: Name.optional(),
  /** decimals of the rupiah amounts of a signed agreement and its annex: 0 (whole rupiah, as signed; default) or 2 */
  agreementAmountDecimals: z.union([z.literal(0), z.literal(2)]).optional(),});
export type Settings = z.infer<typeof Settings>;

// ---------------------------------------------------------------- organization

export const UnitKind = z.enum(['pimpinan', 'sekretariat', 'subbagian', 'bidang', 'uptd', 'fungsional', 'other']);

export const Unit = obj({
  id: Id,
  name: Name,
  kind: UnitKind,
  parent: Id.optional(),
  tasks: z.array(z.string()).optional(),
  functions: z.array(z.string()).optional(),
});
export type Unit = z.infer<typeof Unit>;

const EducationCounts = z.record(z.string(), z.number().int().nonnegative());

export const StaffingRow = obj({
  id: Id,
  positionClass: Name,
  group: z.string().optional(),
  needed: EducationCounts,
  filled: EducationCounts,
  male: z.number().int().nonnegative(),
  female: z.number().int().nonnegative(),
});
export type StaffingRow = z.infer<typeof StaffingRow>;

export const Staffing = obj({
  asOf: IsoDate,
  source: z.string().optional(),
  basis: z.string().optional(),
  rows: z.array(StaffingRow),
});
export type Staffing = z.infer<typeof Staffing>;

const Count = z.number().int().nonnegative();

export const AssetRow = obj({
  id: Id,
  name: Name,
  quantity: Count.optional(),
  condition: obj({
    good: Count.optional(),
    lightDamage: Count.optional(),
    heavyDamage: Count.optional(),
    damaged: Count.optional(),
  }),
  idealQuantity: Count.optional(),
});
export type AssetRow = z.infer<typeof AssetRow>;

export const Assets = obj({
  asOf: IsoDate,
  source: z.string().optional(),
  rows: z.array(AssetRow),
});
export type Assets = z.infer<typeof Assets>;

export const Organization = obj({
  units: z.array(Unit).optional(),
  staffing: Staffing.optional(),
  assets: Assets.optional(),
});
export type Organization = z.infer<typeof Organization>;

/** One diktum of a decree ("KESATU", "KEDUA" …): its text and the points listed under it. */
export const DecreeProvision = obj({
  label: Name,
  text: z.string().min(1),
  items: z.array(z.string()).optional(),
});
export type DecreeProvision = z.infer<typeof DecreeProvision>;

export const Decree = obj({
  id: Id,
  number: Name,
  date: IsoDate.optional(),
  title: Name,
  issuer: z.string().optional(),
  plan: Id.optional(),
  /** the text of the decree as printed (dataset-format.md, "Decree"): Menimbang, Mengingat, the diktum, where and by whom it was set */
  considering: z.array(z.string()).optional(),
  recalling: z.array(z.string()).optional(),
  provisions: z.array(DecreeProvision).optional(),
  place: z.string().optional(),
  signer: Person.optional(),
  /** the scan of the signed decree, attached to the report as a Lampiran */
  scan: FileRef.optional(),
});
export type Decree = z.infer<typeof Decree>;

// ---------------------------------------------------------------- plans, goals, indicators

export const GoalKind = z.enum(['misi', 'tujuan', 'sasaran']);
export type GoalKind = z.infer<typeof GoalKind>;

export const Goal = obj({
  id: Id,
  kind: GoalKind,
  statement: Name,
  parent: Id.optional(),
  supports: z.array(z.string()).optional(),
  aliases,
});
export type Goal = z.infer<typeof Goal>;

export const Category = obj({ label: Name, score: Num });
export type Category = z.infer<typeof Category>;

/** The lists a `countOf` indicator can count: `awards` = the narratives' awards of the year. */
export const COUNTABLE_LISTS = ['awards'] as const;

export const Measure = z.discriminatedUnion('type', [
  obj({ type: z.literal('value') }),
  obj({
    type: z.literal('ratio'),
    numerator: Name,
    denominator: Name,
    factor: Num.positive().optional(),
  }),
  obj({ type: z.literal('count') }),
  obj({ type: z.literal('category'), categories: z.array(Category).min(1) }),
  obj({ type: z.literal('derived'), rule: z.literal('shareAchieved'), of: z.array(Ref).min(1) }),
  /** a count of the entries of a list the dataset holds, in the measured year (measurement.md, "Counts from lists") */
  obj({ type: z.literal('countOf'), list: z.enum(COUNTABLE_LISTS) }),
]);
export type Measure = z.infer<typeof Measure>;

/** `{ "<year>": value }` — JSON object keys are strings; each must be a year. */
const yearKey = z.string().regex(/^\d{4}$/, zodMessage('expected a year such as "2025" as the key', 'kunci seharusnya berupa tahun, misalnya "2025"'));
export const YearTargets = z.record(yearKey, Num);
export const PeriodTargets = z.record(
  yearKey,
  obj({ Q1: Num.optional(), Q2: Num.optional(), Q3: Num.optional(), Q4: Num.optional(), S1: Num.optional(), S2: Num.optional() }),
);

/**
 * The valid range of an indicator's values (realizations, targets, baseline), over the default
 * of its unit and measure (dataset-format.md, "Ranges"): `null` opens a bound the default sets
 * (`"max": null`: a % that may exceed 100, such as a growth rate); `whole`: whole numbers only.
 */
export const ValueRange = obj({
  min: Num.nullable().optional(),
  max: Num.nullable().optional(),
  whole: z.boolean().optional(),
});
export type ValueRange = z.infer<typeof ValueRange>;

/**
 * The explicit mark of an entry that keeps a number outside its valid range because its source
 * printed it so (`{ "reason": "as printed in the source" }`): a warning instead of an error, and
 * a realization so marked is never scored (dataset-format.md, "Ranges").
 */
export const OutOfRange = obj({ reason: Name });
export type OutOfRange = z.infer<typeof OutOfRange>;

/**
 * A field id of a register: lower-case letters, digits and "_", starting with a letter, so that a
 * year-dependent field's columns (`status_2025`) are read back without doubt.
 */
export const FieldId = z
  .string()
  .max(LIMITS.idLength, zodMessage(`expected a field id of at most ${LIMITS.idLength} characters`, `seharusnya id kolom paling banyak ${LIMITS.idLength} karakter`))
  .regex(
    /^[a-z][a-z0-9_]*$/,
    zodMessage(
      'expected a field id of lower-case letters, digits and "_", starting with a letter (e.g. nama_usaha)',
      'seharusnya id kolom dari huruf kecil, angka dan "_", diawali huruf (misalnya nama_usaha)',
    ),
  );

// ---------------------------------------------------------------- counts from registers (registers.md, "Indicators from registers")

/** A value a condition compares with: text (category, reference, date as YYYY-MM-DD), number, yes/no. */
export const RegisterScalar = z.union([z.string().min(1).max(LIMITS.nameLength), Num, z.boolean()]);
export type RegisterScalar = z.infer<typeof RegisterScalar>;

/**
 * One condition on an entity of a register. A per-year field is read in the measured year.
 * - `{ field, equals }`: the value is the one given, or one of those listed;
 * - `{ field, present }`: the field has a value (true) or none (false);
 * - `{ field, inYear: true }`: a date field falls in the measured year, up to the period's end.
 */
export const RegisterFieldCondition = z.union([
  obj({ field: FieldId, equals: z.union([RegisterScalar, z.array(RegisterScalar).min(1)]) }),
  obj({ field: FieldId, present: z.boolean() }),
  obj({ field: FieldId, inYear: z.literal(true) }),
]);
export type RegisterFieldCondition = z.infer<typeof RegisterFieldCondition>;

/**
 * "Has at least one event": an entity of another register (`register`, e.g. facilitations) names
 * this entity in its reference field `via`, with its date field `date` in the measured year up to
 * the period's end, and meets `where`.
 */
export const RegisterEventCondition = obj({
  event: obj({
    register: Id,
    via: FieldId,
    date: FieldId,
    where: z.array(RegisterFieldCondition).optional(),
  }),
});
export type RegisterEventCondition = z.infer<typeof RegisterEventCondition>;

export const RegisterCondition = z.union([RegisterFieldCondition, RegisterEventCondition]);
export type RegisterCondition = z.infer<typeof RegisterCondition>;

/** The entities of a register meeting every condition of `where` (all of the register without). */
export const RegisterSelection = obj({
  register: Id,
  where: z.array(RegisterCondition).optional(),
});
export type RegisterSelection = z.infer<typeof RegisterSelection>;

/**
 * An indicator realized from registers from a year on (earlier years keep their entered
 * realizations): the number of distinct entities of `count`, or, with `of`, that number as a
 * share of the entities of the population `of` (× `factor`, 100 by default). The counted
 * entities are always those of the population that also meet `count`, so a share cannot exceed
 * 100 %. Each period's value is computed at the period's end.
 */
export const RegisterMeasure = obj({
  since: Year.optional(),
  count: RegisterSelection,
  of: RegisterSelection.optional(),
  factor: Num.positive().optional(),
});
export type RegisterMeasure = z.infer<typeof RegisterMeasure>;

/**
 * An activity table of the report made from a register from a year on: the entities of
 * `count` in the year, counted per value of `groupBy` (a field of the register), with their
 * total. Years before `since` keep the table's typed rows.
 */
export const RegisterTable = obj({
  since: Year.optional(),
  count: RegisterSelection,
  groupBy: FieldId,
});
export type RegisterTable = z.infer<typeof RegisterTable>;

export const Baseline = obj({ year: Year, value: Num, source: z.string().optional() });

export const Indicator = obj({
  id: Id,
  goal: Id.optional(),
  name: Name,
  unit: z.string().optional(),
  polarity: z.enum(['positive', 'negative']).optional(),
  polarityStated: z.boolean().optional(),
  negativeMethod: NegativeMethod.optional(),
  measure: Measure,
  key: z.boolean().optional(),
  additional: z.boolean().optional(),
  periodValues: z.enum(['cumulative', 'separate']).optional(),
  definition: z.string().optional(),
  formulaText: z.string().optional(),
  criteria: z.array(z.string()).optional(),
  responsibleUnits: z.array(Id).optional(),
  dataSource: z.string().optional(),
  decrees: z.array(Id).optional(),
  baseline: Baseline.optional(),
  targets: YearTargets.optional(),
  periodTargets: PeriodTargets.optional(),
  endTarget: Num.optional(),
  /** the indicator's own data-quality thresholds (`jumpFactor`) */
  quality: obj({ jumpFactor: Num.gt(1).optional() }).optional(),
  range: ValueRange.optional(),
  outOfRange: OutOfRange.optional(),
  /** realized from registers from a year on (registers.md, "Indicators from registers") */
  fromRegister: RegisterMeasure.optional(),
  aliases,
});
export type Indicator = z.infer<typeof Indicator>;

export const Plan = obj({
  id: Id,
  level: z.enum(['rpjmd', 'renstra']),
  title: Name,
  startYear: Year,
  endYear: Year,
  legalBasis: z.string().optional(),
  adoptedOn: IsoDate.optional(),
  revises: Id.optional(),
  source: z.string().optional(),
  goals: z.array(Goal),
  indicators: z.array(Indicator).optional(),
});
export type Plan = z.infer<typeof Plan>;

// ---------------------------------------------------------------- agreements

export const AgreementRow = obj({
  goal: Id,
  indicator: Id,
  target: z.union([Num, Name]),
  outOfRange: OutOfRange.optional(),
});
export type AgreementRow = z.infer<typeof AgreementRow>;

export const BudgetStage = z.enum(['initial', 'shift', 'revised']);
export type BudgetStage = z.infer<typeof BudgetStage>;

export const AgreementBudget = obj({
  program: Id,
  amount: Money,
  source: Name,
  stage: BudgetStage.optional(),
  outOfRange: OutOfRange.optional(),
});
export type AgreementBudget = z.infer<typeof AgreementBudget>;

export const Agreement = obj({
  id: Id,
  year: Year,
  kind: z.enum(['original', 'amendment']),
  amends: Id.optional(),
  /**
   * An amendment's: the instruction under which the agreement it amends is reported beside it in
   * the same year ("Surat Menteri PANRB Nomor B/37/AA.01/2025 …"), cited by the LKIP
   */
  reportingBasis: z.string().optional(),
  plan: Id,
  signedOn: IsoDate,
  place: Name,
  firstParty: Person,
  secondParty: Person,
  rows: z.array(AgreementRow),
  goals: z.array(Goal).optional(),
  indicators: z.array(Indicator).optional(),
  budget: z.array(AgreementBudget),
  /** the scan of the signed agreement, attached to the report as a Lampiran */
  scan: FileRef.optional(),
});
export type Agreement = z.infer<typeof Agreement>;

// ---------------------------------------------------------------- program structure

/** "2025-04": a month, when the day is not known. */
export const YearMonth = z
  .string()
  .regex(/^(?:19\d\d|20\d\d|2100)-(?:0[1-9]|1[0-2])$/, zodMessage('expected a month as YYYY-MM', 'seharusnya berupa bulan berformat YYYY-MM'));

/**
 * What a budget stage of a year was (dataset-format.md, "BudgetStageNote"): when it took
 * effect (`date`, or `month` when only the month is known), the regulation that set it and why
 * the budget was changed. The amounts stay on the program nodes' `budgets`.
 */
export const BudgetStageNote = obj({
  year: Year,
  stage: BudgetStage,
  date: IsoDate.optional(),
  month: YearMonth.optional(),
  legalBasis: z.string().optional(),
  purpose: z.string().optional(),
  source: z.string().optional(),
});
export type BudgetStageNote = z.infer<typeof BudgetStageNote>;

export const Support = z.union([
  obj({ indicator: Ref, share: Num.min(0).max(1).optional() }),
  obj({ indicator: Ref, year: Year, amount: Money, spent: Money, outOfRange: OutOfRange.optional() }),
]);
export type Support = z.infer<typeof Support>;

export const BudgetEntry = obj({
  year: Year,
  stage: BudgetStage,
  amount: Money,
  source: z.string().optional(),
  date: IsoDate.optional(),
  where: z.string().optional(),
  outOfRange: OutOfRange.optional(),
});
export type BudgetEntry = z.infer<typeof BudgetEntry>;

export const SpendingEntry = obj({
  year: Year,
  period: Period.optional(),
  amount: Money,
  physical: Num.optional(),
  source: z.string().optional(),
  where: z.string().optional(),
  outOfRange: OutOfRange.optional(),
});
export type SpendingEntry = z.infer<typeof SpendingEntry>;

export const ProgramNode = obj({
  id: Id,
  code: z.string().optional(),
  level: z.enum(['program', 'kegiatan', 'subkegiatan']),
  parent: Id.optional(),
  name: Name,
  supports: z.array(Support).optional(),
  budgets: z.array(BudgetEntry),
  spending: z.array(SpendingEntry).optional(),
  indicators: z.array(Indicator).optional(),
  aliases,
});
export type ProgramNode = z.infer<typeof ProgramNode>;

// ---------------------------------------------------------------- realizations

export const RealizationStatus = z.enum(['no-data', 'postponed', 'not-applicable']);

export const Realization = obj({
  indicator: Ref,
  year: Year,
  period: Period.optional(),
  value: Num.optional(),
  numerator: Num.optional(),
  denominator: Num.optional(),
  category: z.string().optional(),
  categories: z.array(z.string()).optional(),
  status: RealizationStatus.optional(),
  state: WorkflowState.optional(),
  evidence: z.array(z.string()).optional(),
  where: z.string().optional(),
  outOfRange: OutOfRange.optional(),
});
export type Realization = z.infer<typeof Realization>;

export const Benchmark = obj({
  indicator: Ref,
  year: Year,
  value: Num.nullable(),
  label: z.string().optional(),
  kind: z.string().optional(),
  source: Name,
  /** a value outside the indicator's range kept as printed (dataset-format.md, "Ranges") */
  outOfRange: OutOfRange.optional(),
});
export type Benchmark = z.infer<typeof Benchmark>;

export const ExpenditureLine = obj({
  id: Id,
  year: Year,
  name: Name,
  ceiling: Money,
  realized: Money.optional(),
  node: Id.optional(),
  class: z.enum(['operating', 'capital']).optional(),
  parent: Id.optional(),
  group: z.string().optional(),
  outOfRange: OutOfRange.optional(),
});
export type ExpenditureLine = z.infer<typeof ExpenditureLine>;

// ---------------------------------------------------------------- evaluation, activities, narrative

export const EvaluationScore = obj({
  year: Year,
  value: Num,
  grade: z.string().optional(),
  evaluator: Name,
  reference: Name,
  date: IsoDate.optional(),
  period: z.string().optional(),
  scope: z.string().optional(),
  outOfRange: OutOfRange.optional(),
});
export type EvaluationScore = z.infer<typeof EvaluationScore>;

export const Recommendation = obj({
  id: Id,
  no: z.union([z.number(), z.string()]).optional(),
  year: Year,
  text: z.string().min(1), // free text: LIMITS.textLength
  action: z.string(),
  owner: z.string().optional(),
  status: z.enum(['open', 'in-progress', 'done']).optional(),
  due: IsoDate.optional(),
  evidence: z.union([z.string(), z.array(z.string())]).optional(),
  source: z.string().optional(),
});
export type Recommendation = z.infer<typeof Recommendation>;

export const Evaluation = obj({
  scores: z.array(EvaluationScore).optional(),
  recommendations: z.array(Recommendation).optional(),
});
export type Evaluation = z.infer<typeof Evaluation>;

export const ActivityRow = obj({
  name: Name,
  unit: z.string().optional(),
  target: Num.optional(),
  realization: z.union([Num, z.string()]),
  /** a negative count kept as printed (dataset-format.md, "Ranges") */
  outOfRange: OutOfRange.optional(),
});
export type ActivityRow = z.infer<typeof ActivityRow>;

export const ActivityList = obj({
  id: Id,
  title: Name,
  node: Id.optional(),
  tags: z.array(z.string()).optional(),
  rows: z.array(ActivityRow),
  /** the rows counted from a register from a year on (registers.md, "Activity tables from registers") */
  fromRegister: RegisterTable.optional(),
});
export type ActivityList = z.infer<typeof ActivityList>;

export const Analysis = obj({
  subject: Name,
  drivers: z.array(z.string()).optional(),
  obstacles: z.array(z.string()).optional(),
  challenges: z.array(z.string()).optional(),
  text: z.string().optional(),
});
export type Analysis = z.infer<typeof Analysis>;

export const Award = obj({
  title: Name,
  date: IsoDate.optional(),
  /** the year it was received, when the date is not known (`date`'s year otherwise) */
  year: Year.optional(),
  place: z.string().optional(),
  text: z.string().optional(),
});
export type Award = z.infer<typeof Award>;

export const Narrative = obj({
  /** The report year this narrative is written for; absent: it applies to any year without its own. */
  year: Year.optional(),
  place: z.string().optional(),
  signedOn: IsoDate.optional(),
  foreword: z.string().optional(),
  executiveSummary: z.string().optional(),
  background: z.string().optional(),
  purpose: z.string().optional(),
  strategicIssues: z.array(z.string()).optional(),
  challenges: z.array(z.string()).optional(),
  awards: z.array(Award).optional(),
  conclusions: z.string().optional(),
  obstacles: z.array(z.string()).optional(),
  successFactors: z.array(z.string()).optional(),
  improvementSteps: z.array(z.string()).optional(),
  analyses: z.array(Analysis).optional(),
});
export type Narrative = z.infer<typeof Narrative>;

/**
 * The `narrative` field: one narrative (the first form, for every year), or a list of them, one
 * per report year (`year`, distinct), with at most one undated narrative for the years without
 * their own. Which one a report year reads: `narrativeFor` (model.ts).
 */
export const Narratives = z.union([Narrative, z.array(Narrative)]);
export type Narratives = z.infer<typeof Narratives>;

// ---------------------------------------------------------------- claims

export const ClaimPlace = z.union([
  Name,
  obj({ section: z.string().optional(), table: z.string().optional(), row: z.union([z.string(), z.number()]).optional(), column: z.union([z.string(), z.number()]).optional() }),
]);
export type ClaimPlace = z.infer<typeof ClaimPlace>;

export const ClaimQuantity = Name;

export const Claim = obj({
  where: z.union([ClaimPlace, z.array(ClaimPlace).min(1)]),
  subject: Name,
  quantity: ClaimQuantity,
  value: z.union([Num, z.string(), z.boolean(), z.null()]),
  year: Year.optional(),
  stage: BudgetStage.optional(),
  fromStage: BudgetStage.optional(),
  toStage: BudgetStage.optional(),
  aspect: z.string().optional(),
  raw: z.string().optional(),
});
export type Claim = z.infer<typeof Claim>;

/**
 * A figure of the data that corrects a printed source (dataset-format.md, "Corrections"): the
 * printed value, where it was printed and why the data differs. The value used is not typed
 * here: it is computed from the data as a claim's is (`subject`, `quantity`, `aspect`, `year`;
 * docs/claims.md), so the note always states the figure the report prints. The LKIP lists the
 * corrections of its year in the annex "Catatan atas Data".
 */
export const Correction = obj({
  /** what the figure is, as a reader names it (Indonesian): "Realisasi belanja Dinas tahun 2025" */
  item: Name,
  subject: Name,
  quantity: ClaimQuantity,
  aspect: z.string().optional(),
  /** the year of the figure; absent: the report's year */
  year: Year.optional(),
  /** the value as printed in the source */
  printed: Num,
  /** where it was printed, as a reader finds it (Indonesian): "LKIP 2025 (cetak), Tabel 3.10" */
  source: Name,
  /** why the data differs from the printed value (Indonesian) */
  reason: z.string().min(1),
});
export type Correction = z.infer<typeof Correction>;

// ---------------------------------------------------------------- the document

// ---------------------------------------------------------------- registers (registers.md)


export const RegisterFieldType = z.enum(['text', 'number', 'date', 'category', 'yesno', 'reference']);
export type RegisterFieldType = z.infer<typeof RegisterFieldType>;

/** One field (column) of a register. */
export const RegisterField = obj({
  id: FieldId,
  name: Name,
  type: RegisterFieldType,
  /** a value is required in every row (the key field always is) */
  required: z.boolean().optional(),
  /** personal data (UU 27/2022): masked for whoever does not need it, left out of exports by default */
  personal: z.boolean().optional(),
  /** kept per year (`status_2025`, `status_2026` …), never overwritten by another year's value */
  perYear: z.boolean().optional(),
  /** category: the allowed values */
  values: z.array(Name).optional(),
  /** reference: the register whose entity (by its key) the value names */
  register: Id.optional(),
  /** text: a regular expression the whole value must match (e.g. "^[0-9]{16}$" for a NIK) */
  pattern: z.string().max(LIMITS.nameLength).optional(),
  /** number: whole numbers only */
  integer: z.boolean().optional(),
});
export type RegisterField = z.infer<typeof RegisterField>;

/** A register (data tunggal): a list of entities with typed fields, kept by the agency. */
export const Register = obj({
  id: Id,
  name: Name,
  /** the field whose value identifies an entity (unique, not per year, not personal) */
  key: FieldId,
  /** the field that names an entity in lists and previews (default: the key) */
  label: FieldId.optional(),
  /** the unit (organization.units) whose operators keep the register and see its personal fields */
  unit: Id.optional(),
  fields: z.array(RegisterField).min(1),
});
export type Register = z.infer<typeof Register>;

export const Dataset = obj({
  format: z.literal(DATASET_FORMAT),
  agency: Agency,
  settings: Settings.optional(),
  organization: Organization.optional(),
  decrees: z.array(Decree).optional(),
  plans: z.array(Plan),
  agreements: z.array(Agreement),
  programs: z.array(ProgramNode),
  budgetStages: z.array(BudgetStageNote).optional(),
  realizations: z.array(Realization),
  benchmarks: z.array(Benchmark).optional(),
  expenditures: z.array(ExpenditureLine).optional(),
  evaluation: Evaluation.optional(),
  activities: z.array(ActivityList).optional(),
  narrative: Narratives.optional(),
  claims: z.array(Claim).optional(),
  corrections: z.array(Correction).optional(),
  /** documentation photos of activities and indicators, with their captions */
  photos: z.array(Photo).optional(),
  registers: z.array(Register).optional(),
});
export type Dataset = z.infer<typeof Dataset>;

export const Region = obj({
  format: z.literal(REGION_FORMAT),
  region: Name,
  settings: Settings.optional(),
  agencies: z.array(Dataset),
});
export type Region = z.infer<typeof Region>;
