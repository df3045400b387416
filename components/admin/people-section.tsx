// /admin's "People": everyone the configuration names, in a table, and the single sign-on rules in words.
import type { PersonSeen } from "@/lib/admin/admin-api";
import { utcText } from "@/lib/admin/when";
import { SignOutEverywhere } from "./sign-out-everywhere";

const CELL = "border-b border-slate-200 px-2 py-1.5 text-left align-top dark:border-slate-800";

export function PeopleSection({ people, rules }: { people: PersonSeen[]; rules: string[] }) {
  return (
    <section aria-labelledby="people-heading" className="flex flex-col gap-3">
      <h2 id="people-heading" className="text-lg font-semibold">
        People
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Who may sign in and with which role, as the console&apos;s settings say now. To add someone who signs in with a password, add one line to{" "}
        <code>CONSOLE_USERS</code> (hash their password with <code>npm run --silent hash-password</code>); they need no key of their own when a team key is shared below.
      </p>
      {people.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm" data-testid="people">
            <caption className="sr-only">People configured to sign in</caption>
            <thead>
              <tr>
                <th scope="col" className={CELL}>Person</th>
                <th scope="col" className={CELL}>Role</th>
                <th scope="col" className={CELL}>Signs in with</th>
                <th scope="col" className={CELL}>Last seen</th>
                <th scope="col" className={CELL}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr key={`${person.email} ${person.signsInWith}`}>
                  <th scope="row" className={`${CELL} font-medium`}>
                    {person.email}
                  </th>
                  <td className={CELL}>{person.role}</td>
                  <td className={CELL}>
                    {person.signsInWith}
                    {person.blocked ? <p className="text-xs text-amber-800 dark:text-amber-300">Cannot sign in: {person.blocked}.</p> : null}
                  </td>
                  <td className={CELL}>
                    {person.lastSeen ? <time dateTime={person.lastSeen} title={utcText(person.lastSeen)}>{person.lastSeenWords}</time> : person.lastSeenWords}
                  </td>
                  <td className={CELL}>
                    <SignOutEverywhere email={person.email} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-sm">Nobody is named in the settings; people come in through single sign-on only.</p>
      )}
      {rules.length > 0 ? (
        <ul className="list-disc pl-5 text-sm" data-testid="sign-in-rules">
          {rules.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
