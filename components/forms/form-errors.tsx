// The list of what to fix before a form can be sent, announced to screen readers.

export function FormErrorList({ errors, testId }: { errors: string[]; testId: string }) {
  if (errors.length === 0) return null;
  return (
    <div role="alert" data-testid={testId} className="rounded-md bg-red-50 p-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
      <p className="font-medium">Fix this first:</p>
      <ul className="list-disc pl-5">
        {errors.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
}
