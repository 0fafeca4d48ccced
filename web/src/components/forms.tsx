/**
 * What every edit form shares: the server's answer to a failed save shown where it belongs — a
 * 409 as the conflict notice (the input stays), anything else as the error with all its findings
 * by path, and each finding that names a field of the form beside that field too.
 */
import { useState, type ReactNode } from 'react';
import { formatDate, readBack, readNumber } from '../fmt.js';
import { dayText, readDay } from '../../../src/core/date-input.js';
import { useI18n } from '../i18n.js';
import { ApiError, serverText, type Finding } from '../http.js';
import { ConflictNotice } from './Conflict.js';
import { ErrorView, type NameOf } from './ui.js';

/** Whether a finding's `where` is `path` or lies below it (`path.x`, `path[0]`, `path["2025"]`). */
export function isAt(where: string, path: string): boolean {
  return where === path || where.startsWith(`${path}.`) || where.startsWith(`${path}[`);
}

export interface FieldErrors {
  /** the findings at a field: `field` is a path below any of the form's bases (`targets`, `baseline.value`, `entries[2]`) */
  at: (field: string) => Finding[];
  /**
   * `aria-invalid` and `aria-describedby` for the input with this id, when the field has findings;
   * with `helpId`, the field's help text is always among what describes it
   */
  aria: (field: string, id: string, helpId?: string) => { 'aria-invalid'?: true; 'aria-describedby'?: string };
  /** the findings' messages, to be placed right after the field */
  show: (field: string, id: string) => ReactNode;
}

/**
 * Findings of `error` by field. `bases` are where the form's record is: its place in the request
 * (`body.indicator`) and, for a change the dataset's validation refuses (422), its place in the
 * dataset (`plans[3].indicators[2]`).
 */
export function fieldErrors(error: unknown, bases: readonly string[]): FieldErrors {
  const findings = error instanceof ApiError ? error.findings : [];
  const at = (field: string) => findings.filter((f) => bases.some((b) => isAt(f.where, b === '' ? field : `${b}.${field}`)));
  return {
    at,
    aria: (field, id, helpId) => {
      const invalid = at(field).length > 0;
      const describedBy = [invalid ? `${id}-error` : undefined, helpId].filter((x): x is string => x !== undefined).join(' ');
      return { ...(invalid ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) };
    },
    show: (field, id) => {
      const list = at(field);
      if (list.length === 0) return null;
      return (
        <span id={`${id}-error`} className="field-error" data-where={list.map((f) => f.where).join(' ')}>
          <FindingTexts list={list} />
        </span>
      );
    },
  };
}

/** Findings' messages in the interface's language (the server's Indonesian unless English is chosen). */
function FindingTexts({ list }: { list: Finding[] }) {
  const { lang } = useI18n();
  return <>{list.map((f) => serverText(f, lang)).join(' · ')}</>;
}

/** A rule of a form's own check, said in both languages: the field it is about (its path in the request) and what is wrong. */
export interface FormRule {
  where: string;
  failed: boolean;
  en: string;
  id: string;
}

/**
 * A form's own check before sending (forms are `noValidate`: the browser's own, English, bubbles
 * never show): the rules that fail as an error with a finding per field, in both languages, which
 * `fieldErrors` places beside each field and `ErrorView` lists; `null` when every rule holds.
 */
export function checkForm(rules: readonly FormRule[]): ApiError | null {
  const failed = rules.filter((r) => r.failed);
  if (failed.length === 0) return null;
  const findings: Finding[] = failed.map((r) => ({ severity: 'error', code: 'form-check', where: r.where, message: r.en, localized: { id: r.id } }));
  return new ApiError(
    400,
    'form-check',
    failed.length === 1 ? failed[0]!.en : `${failed.length} fields need attention`,
    findings,
    undefined,
    { id: failed.length === 1 ? failed[0]!.id : `${failed.length} isian perlu diperbaiki` },
  );
}

/** A failed save: the 409 notice with a reload that keeps the form, or the error with its findings. */
export function SaveError({ error, onReload, nameOf }: { error: unknown; onReload: () => void; nameOf?: NameOf }) {
  if (error === null || error === undefined) return null;
  if (error instanceof ApiError && error.status === 409 && error.code === 'version-conflict') {
    return <ConflictNotice current={error.current} onReload={onReload} />;
  }
  return <ErrorView error={error} {...(nameOf ? { nameOf } : {})} />;
}

/** Lines of a textarea as a list (blank lines dropped); `undefined` for none, so an empty list is not written. */
export function linesOf(text: string): string[] | undefined {
  const list = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return list.length > 0 ? list : undefined;
}

/** A text field's value, `undefined` when it is blank (an optional field left out). */
export function textOf(text: string): string | undefined {
  return text.trim() === '' ? undefined : text;
}

/** Drop the keys whose value is `undefined` (the dataset's objects are strict: an absent field, not an undefined one). */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * A number field typed the Indonesian way (src/core/number-input.ts): under the field, the
 * value it read ("terbaca: 0,25") before anything is saved, or why it cannot read it ("0.250":
 * write 0,25 or 250), marked on the field (`aria-invalid`, the message under it, linked by
 * `aria-describedby`); `errors` adds the server's findings at the field.
 */
export function NumberField(props: {
  id: string;
  value: string;
  onChange: (text: string) => void;
  disabled?: boolean;
  className?: string;
  'aria-label'?: string;
  errors?: FieldErrors;
  /** the field's name in `errors` (`value`, `entries[0].amount`) */
  field?: string;
}) {
  const { t, lang } = useI18n();
  const read = readNumber(props.value);
  const server = props.errors && props.field !== undefined ? props.errors.at(props.field) : [];
  const invalid = read.kind === 'invalid' || server.length > 0;
  const describedBy = [read.kind === 'invalid' || server.length > 0 ? `${props.id}-error` : undefined, read.kind === 'number' ? `${props.id}-read` : undefined]
    .filter((x): x is string => x !== undefined)
    .join(' ');
  const messages = [
    ...(read.kind === 'invalid' ? [lang === 'id' ? read.message.id : read.message.en] : []),
    ...server.map((f) => serverText(f, lang)),
  ];
  return (
    <>
      <input
        id={props.id}
        inputMode="decimal"
        autoComplete="off"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        {...(props.className ? { className: props.className } : {})}
        {...(props.disabled ? { disabled: true } : {})}
        {...(props['aria-label'] ? { 'aria-label': props['aria-label'] } : {})}
        {...(invalid ? { 'aria-invalid': true as const } : {})}
        {...(describedBy ? { 'aria-describedby': describedBy } : {})}
      />
      {read.kind === 'number' && (
        <span id={`${props.id}-read`} className="small muted read-back" data-testid={`${props.id}-read`}>
          {t('num.read', { value: readBack(read.value) })}
        </span>
      )}
      {messages.length > 0 && (
        <span id={`${props.id}-error`} className="field-error" role="alert" data-testid={`${props.id}-error`}>
          {messages.join(' · ')}
        </span>
      )}
    </>
  );
}

/**
 * A day typed as Indonesians write it, `hh/bb/tttt` (24/09/2025; src/core/date-input.ts), the day
 * read shown under it in words ("24 September 2025") before saving — one rule for every date
 * field, whatever the browser's own language (a native date picker follows the browser's locale,
 * so it may read mm/dd/yyyy). `onChange` gets `YYYY-MM-DD`, '' when emptied, or the text as typed
 * when it is no day (the save is then refused at the field).
 */
export function DateField(props: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  readOnly?: boolean;
  disabled?: boolean;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}) {
  const { id, value, onChange, readOnly, disabled } = props;
  const { t, lang } = useI18n();
  const [text, setText] = useState(() => dayText(value) || value);
  const read = readDay(text);
  const invalid = read.kind === 'invalid';
  const describedBy = [props['aria-describedby'], `${id}-read`].filter(Boolean).join(' ');
  return (
    <>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('form.dayPlaceholder')}
        value={text}
        readOnly={readOnly}
        disabled={disabled}
        aria-invalid={invalid || props['aria-invalid'] ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          setText(e.target.value);
          const r = readDay(e.target.value);
          onChange(r.kind === 'day' ? r.iso : r.kind === 'empty' ? '' : e.target.value);
        }}
      />
      <span id={`${id}-read`} className={`small ${invalid ? 'error-text' : 'muted'}`} data-testid={`${id}-read`}>
        {read.kind === 'day' ? formatDate(read.iso, lang) : invalid ? t('form.badDay') : ''}
      </span>
    </>
  );
}

/** One filter of a list (the audit log, a register): "Semua", then the choices there are. */
export function FacetSelect(props: { label: string; any: string; value: string | undefined; options: { id: string; label: string }[]; onChange: (value: string) => void }) {
  return (
    <label>
      {props.label}
      <select value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.any}</option>
        {props.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
