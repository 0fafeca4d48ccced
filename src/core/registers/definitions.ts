/**
 * Register definitions (registers.md): the checks over an agency's `registers` that the zod
 * schema cannot make — unique ids, the key and label fields, category values, references to
 * other registers, the owning unit. IO-free; called by the dataset's validation.
 */
import { finding, type Finding } from '../findings.js';
import type { Dataset, Register, RegisterField } from '../dataset/schema.js';

const q = (s: string): string => JSON.stringify(s);
const join = (prefix: string, path: string): string => (prefix === '' ? path : `${prefix}.${path}`);

/** A field id that would read as a year's column of another field (`x_2025`). */
export const YEAR_SUFFIX = /_(\d{4})$/;

/** The field of a register by id. */
export const fieldOf = (reg: Register, id: string): RegisterField | undefined => reg.fields.find((f) => f.id === id);

/** The findings of a dataset's register definitions (errors; none when it has no registers). */
export function checkRegisters(ds: Pick<Dataset, 'registers' | 'organization'>, prefix = ''): Finding[] {
  const out: Finding[] = [];
  const regs = ds.registers ?? [];
  const error = (code: string, path: string, en: string, id: string): void => {
    out.push(finding('error', code, join(prefix, path), en, id));
  };
  const ids = new Set<string>();
  regs.forEach((r, i) => {
    if (ids.has(r.id)) error('duplicate-id', `registers[${i}].id`, `register id ${q(r.id)} is used twice`, `id register ${q(r.id)} dipakai dua kali`);
    ids.add(r.id);
  });
  const units = new Set((ds.organization?.units ?? []).map((u) => u.id));
  regs.forEach((r, i) => {
    const at = `registers[${i}]`;
    const seen = new Set<string>();
    r.fields.forEach((f, j) => {
      const fp = `${at}.fields[${j}]`;
      if (seen.has(f.id)) error('duplicate-id', `${fp}.id`, `field ${q(f.id)} is defined twice in register ${q(r.id)}`, `kolom ${q(f.id)} didefinisikan dua kali dalam register ${q(r.id)}`);
      seen.add(f.id);
      if (YEAR_SUFFIX.test(f.id)) {
        error(
          'invalid-id',
          `${fp}.id`,
          `field id ${q(f.id)} ends in "_" and four digits, which is how a year's column of a per-year field is written; choose another id`,
          `id kolom ${q(f.id)} berakhiran "_" dan empat angka, cara penulisan kolom tahunan; pilih id lain`,
        );
      }
      const only = (prop: 'values' | 'register' | 'pattern' | 'integer', type: string): void => {
        if (f[prop] !== undefined && f.type !== type) {
          error('misplaced-field', `${fp}.${prop}`, `"${prop}" applies to a field of type ${type}, not ${f.type}`, `"${prop}" hanya untuk kolom bertipe ${type}, bukan ${f.type}`);
        }
      };
      only('values', 'category');
      only('register', 'reference');
      only('pattern', 'text');
      only('integer', 'number');
      if (f.type === 'category') {
        if (!f.values || f.values.length === 0) {
          error('missing-values', `${fp}.values`, `category field ${q(f.id)} needs its allowed values ("values")`, `kolom kategori ${q(f.id)} memerlukan daftar nilai yang diizinkan ("values")`);
        } else {
          const lower = new Set<string>();
          f.values.forEach((v, k) => {
            const l = v.trim().toLowerCase();
            if (lower.has(l)) error('duplicate-value', `${fp}.values[${k}]`, `value ${q(v)} is listed twice`, `nilai ${q(v)} tercantum dua kali`);
            lower.add(l);
          });
        }
      }
      if (f.type === 'reference') {
        if (f.register === undefined) {
          error('missing-register', `${fp}.register`, `reference field ${q(f.id)} needs the register it refers to ("register")`, `kolom rujukan ${q(f.id)} memerlukan register yang dirujuk ("register")`);
        } else if (f.register === r.id) {
          error('self-reference', `${fp}.register`, `a register cannot refer to itself (field ${q(f.id)})`, `register tidak dapat merujuk dirinya sendiri (kolom ${q(f.id)})`);
        } else if (!regs.some((x) => x.id === f.register)) {
          error('dangling-reference', `${fp}.register`, `no register ${q(f.register)} in this agency`, `tidak ada register ${q(f.register)} di perangkat daerah ini`);
        }
      }
      if (f.pattern !== undefined) {
        try {
          new RegExp(f.pattern, 'u');
        } catch {
          error('invalid-pattern', `${fp}.pattern`, `${q(f.pattern)} is not a valid regular expression`, `${q(f.pattern)} bukan ekspresi reguler yang sah`);
        }
      }
    });
    const key = fieldOf(r, r.key);
    if (!key) {
      error('dangling-reference', `${at}.key`, `key field ${q(r.key)} is not among the register's fields`, `kolom kunci ${q(r.key)} tidak ada di antara kolom register`);
    } else {
      if (key.perYear) error('invalid-key', `${at}.key`, `the key field ${q(r.key)} cannot be per year`, `kolom kunci ${q(r.key)} tidak boleh tahunan`);
      if (key.personal) {
        error(
          'invalid-key',
          `${at}.key`,
          `the key field ${q(r.key)} cannot be personal data: it names the entity everywhere (use a registration number such as the NIB)`,
          `kolom kunci ${q(r.key)} tidak boleh data pribadi: kunci menamai entitas di mana-mana (gunakan nomor registrasi seperti NIB)`,
        );
      }
      if (!['text', 'number'].includes(key.type)) {
        error('invalid-key', `${at}.key`, `the key field ${q(r.key)} must be text or a number, not ${key.type}`, `kolom kunci ${q(r.key)} harus berupa teks atau angka, bukan ${key.type}`);
      }
    }
    if (r.label !== undefined) {
      const label = fieldOf(r, r.label);
      if (!label) error('dangling-reference', `${at}.label`, `label field ${q(r.label)} is not among the register's fields`, `kolom nama ${q(r.label)} tidak ada di antara kolom register`);
      else if (label.personal || label.perYear) {
        error('invalid-label', `${at}.label`, `the label field ${q(r.label)} cannot be personal or per year`, `kolom nama ${q(r.label)} tidak boleh data pribadi atau tahunan`);
      }
    }
    if (r.unit !== undefined && !units.has(r.unit)) {
      error('dangling-reference', `${at}.unit`, `no unit ${q(r.unit)} in organization.units`, `tidak ada unit ${q(r.unit)} dalam organization.units`);
    }
  });
  return out;
}
