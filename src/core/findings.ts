/** A finding of validation, measurement or review (measurement.md, "Findings"). */
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  severity: Severity;
  /** A stable machine-readable code, e.g. `dangling-reference`, `target-differs-from-plan`. */
  code: string;
  /** Where: a path into the document (`agreements[1].rows[3].indicator`) or a reference (`pk-2025/UMM`). */
  where: string;
  /** What was found and, for an error, what was expected. */
  message: string;
}

export function finding(severity: Severity, code: string, where: string, message: string): Finding {
  return { severity, code, where, message };
}

export const hasErrors = (findings: readonly Finding[]): boolean => findings.some((f) => f.severity === 'error');
