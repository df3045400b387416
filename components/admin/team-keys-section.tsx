// /admin's "Team keys": each shared key by label and last four, its age (flagged past TEAM_KEY_MAX_AGE_DAYS),
// who uses it and whom its calls act as; and how to rotate one without stopping anyone's work.
import type { TeamKeyRow } from "@/lib/admin/team-keys";

const CELL = "border-b border-slate-200 px-2 py-1.5 text-left align-top dark:border-slate-800";

export function TeamKeysSection({ keys, maxAgeDays }: { keys: TeamKeyRow[]; maxAgeDays: number }) {
  return (
    <section aria-labelledby="team-keys-heading" className="flex flex-col gap-3">
      <h2 id="team-keys-heading" className="text-lg font-semibold">
        Team keys
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        JobNimbus keys shared with the team (<code>TEAM_KEYS</code>). People use them without ever seeing them; a person without a key of their own starts on the first one their role may use.
      </p>
      {keys.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm" data-testid="team-keys">
            <caption className="sr-only">Team keys</caption>
            <thead>
              <tr>
                <th scope="col" className={CELL}>Key</th>
                <th scope="col" className={CELL}>Age</th>
                <th scope="col" className={CELL}>Used by</th>
                <th scope="col" className={CELL}>Calls in JobNimbus</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.id}>
                  <th scope="row" className={`${CELL} font-medium`}>
                    {key.label} <span className="font-mono font-normal text-slate-600 dark:text-slate-400">…{key.last4}</span>
                  </th>
                  <td className={CELL}>
                    {key.ageDays} {key.ageDays === 1 ? "day" : "days"} (made {key.createdAt})
                    {key.old ? (
                      <p className="mt-1 rounded bg-amber-50 px-1 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200" data-testid="key-too-old">
                        Older than {maxAgeDays} days: JobNimbus advises rotating keys. Make a new one (steps below).
                      </p>
                    ) : null}
                  </td>
                  <td className={CELL}>{key.usedBy}</td>
                  <td className={CELL}>{key.actsAs}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-sm" data-testid="no-team-keys">
          No team keys: everyone pastes a key of their own. To share one, add it to <code>TEAM_KEYS</code> (see docs/deploy.md).
        </p>
      )}
      <details className="text-sm">
        <summary className="cursor-pointer font-medium">How to rotate a team key</summary>
        <ol className="mt-2 list-decimal space-y-1 pl-5">
          <li>
            In JobNimbus, open <strong>Settings &gt; API Keys</strong> and make a new key with the same access profile.
          </li>
          <li>
            Add it to <code>TEAM_KEYS</code> as a new entry, first in the list, with its own id, the same roles and today&apos;s date as <code>createdAt</code>; redeploy. Both keys work now.
          </li>
          <li>Move people over: anyone without a key of their own is on the new one already; anyone who picked the old one in the keys panel moves once it is gone.</li>
          <li>
            Remove the old entry from <code>TEAM_KEYS</code> and redeploy, then delete the old key in JobNimbus.
          </li>
        </ol>
      </details>
    </section>
  );
}
