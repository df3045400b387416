// npm run --silent hash-password -- 'secret' → prints only the hash for a CONSOLE_USERS entry.
import { hashPassword } from "../lib/auth/3-password-hash.mjs";

const password = process.argv[2];
if (!password) {
  process.stderr.write("Usage: npm run --silent hash-password -- 'the password'\n");
  process.exit(2);
}
if (password.length < 8) {
  process.stderr.write("Use a password of at least 8 characters.\n");
  process.exit(2);
}
process.stdout.write(`${await hashPassword(password)}\n`);
