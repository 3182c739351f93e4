/** A large, valid events-v1 file: services, deployments carrying commits, incidents and pipeline runs, all derived from the index. */
export const generateLargeImport = (records: number) => {
  const lines: string[] = [];
  const services = 50;
  const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1) + minutes * 60_000).toISOString();
  for (let s = 0; s < services; s++) lines.push(JSON.stringify({ kind: 'service', name: `svc-${s}`, team: `team-${s % 7}`, tier: (s % 3) + 1 }));
  for (let i = lines.length; i < records; i++) {
    const service = `svc-${i % services}`;
    const sha = (i * 2654435761).toString(16).padStart(8, '0').slice(-8);
    if (i % 10 < 6) {
      lines.push(JSON.stringify({ kind: 'deployment', id: `d${i}`, service, environment: 'production', status: i % 13 ? 'success' : 'failure', finishedAt: at(i), commits: [{ sha, authoredAt: at(i - 90), message: `change ${i}` }] }));
    } else if (i % 10 < 8) {
      lines.push(JSON.stringify({ kind: 'pipeline_run', id: `r${i}`, service, name: 'ci', status: 'success', startedAt: at(i - 5), finishedAt: at(i), commitSha: sha }));
    } else {
      lines.push(JSON.stringify({ kind: 'incident', id: `i${i}`, service, openedAt: at(i), resolvedAt: at(i + 30), title: `incident ${i}` }));
    }
  }
  return `${lines.join('\n')}\n`;
};
