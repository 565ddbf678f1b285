/** An error caused by the user's input or usage: printed as one line, exit code 2. */
export class UserError extends Error {
  override name = 'UserError';
  constructor(message: string) {
    super(message);
  }
}
