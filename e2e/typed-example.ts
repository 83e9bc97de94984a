// A small program against the npm package's types, compiled with `tsc
// --strict` by e2e/package.test.mjs. The @ts-expect-error lines are misuse
// the types must reject; were the package typed `any`, they would not be.
import init, { Cleaner, clean, rules, families, type Cleaned, type Config, type Decision, type RuleInfo } from 'deboiler';

export async function main(page: string): Promise<string[]> {
  await init();
  const config: Config = { preset: 'precision', disable: ['share'], rules: [{ name: 'shop', phrases: ['buy now'] }] };
  using cleaner = new Cleaner(config);
  const report: Cleaned = cleaner.clean(page);
  const removed: Decision[] = report.decisions.filter((d) => !d.kept && !d.blank);
  const headline: string = report.title ?? '(no headline)';
  const firstPart: number | undefined = report.article.parts[0]?.[0];
  const counts: number = report.summary.words_removed + (report.summary.removed_by_family.teaser ?? 0);
  const codes: string[] = rules().map((r: RuleInfo) => `${r.code} ${r.family}`);
  const plain: string = cleaner.cleanText(page) + clean(page).rendered;

  // @ts-expect-error: not a preset
  new Cleaner({ preset: 'fast' });
  // @ts-expect-error: not a config field
  new Cleaner({ disabled: ['share'] });
  // @ts-expect-error: a report has no `article_text`
  report.article_text;
  // @ts-expect-error: the headline may be null
  const sure: string = report.title;
  // @ts-expect-error: families are names, not numbers
  const n: number = families()[0];

  return [headline, String(firstPart), String(counts), ...codes, plain, ...removed.map((d) => `${d.code} ${d.reason} ${d.score.toFixed(2)}`), sure, String(n)];
}
