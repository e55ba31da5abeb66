import type { ProblemDraft } from '../problem-draft';

/** A database's `alarmThresholds` may only name alarms of its kind's catalog (`RDS`, `Aurora`: `label`). */
export function unknownAlarmThresholds(
  db: { readonly name: string; readonly alarmThresholds: Readonly<Record<string, number>> },
  index: number,
  catalog: { readonly label: string; readonly ids: readonly string[] },
): ProblemDraft[] {
  return Object.keys(db.alarmThresholds)
    .filter((id) => !catalog.ids.includes(id))
    .map((id) => ({
      database: db.name,
      path: ['databases', index, 'alarmThresholds', id],
      value: db.alarmThresholds[id],
      message: `'${id}' is not an ${catalog.label} alarm; alarms: ${catalog.ids.join(', ')}`,
      fix: 'use one of the alarm ids',
    }));
}
