/** A precondition the move refuses to run without; nothing has been written to PostgreSQL. */
export class MoveRefused extends Error {
  override readonly name = 'MoveRefused';
}

/** The copy differs from the source somewhere; the transaction was rolled back. */
export class VerificationFailed extends Error {
  override readonly name = 'VerificationFailed';

  constructor(readonly problems: readonly string[]) {
    super(`Controle mislukt, niets overgezet:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}
