"use client";

import type { ConfigProblem } from "@/config/config";
import { useI18n } from "@/i18n/I18n";
import type { Messages } from "@/i18n/messages";

export function ConfigErrorPage({ problems }: { problems: ConfigProblem[] }) {
  const { m } = useI18n();
  return (
    <section role="alert" aria-labelledby="config-error">
      <h1 id="config-error">{m.config.title}</h1>
      <p>{m.config.intro}</p>
      <ul>
        {problems.map((problem, i) => (
          <li key={i}>{describe(problem, m)}</li>
        ))}
      </ul>
    </section>
  );
}

function describe(problem: ConfigProblem, m: Messages): string {
  switch (problem.kind) {
    case "unreachable":
      return m.config.unreachable(problem.status);
    case "notJson":
      return m.config.notJson;
    case "notObject":
      return m.config.notObject;
    case "invalid":
      return m.config.rule[problem.rule](problem.field);
  }
}
