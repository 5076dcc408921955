/** The one place exit codes are decided: 2 input/usage errors, 1 findings or differences, else 0. */
export function exitCodeFor(outcome: { inputErrors: number; findings?: number }): 0 | 1 | 2 {
  if (outcome.inputErrors > 0) return 2;
  if ((outcome.findings ?? 0) > 0) return 1;
  return 0;
}
