/**
 * Google Cloud labels: keys start with a lowercase letter; keys and values use lowercase letters, digits, `_` and `-`,
 * at most 63 characters. Tags are converted rather than rejected, so one `tags` map serves both clouds.
 */
export function toGcpLabels(tags: Readonly<Record<string, string>>): Record<string, string> {
  const clean = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9_-]/g, '_')
      .slice(0, 63);
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(tags)) {
    let labelKey = clean(key);
    if (!/^[a-z]/.test(labelKey)) labelKey = `t_${labelKey}`.slice(0, 63);
    labels[labelKey] = clean(value);
  }
  return labels;
}
