import { openDatabase } from './lib/db/client';
import { getAdoptionImpact } from './lib/impact/get-adoption-impact';
const h = await openDatabase({ backend: 'pglite', dataDir: '/tmp/demo-x', owner: { role: 'cli' } });
const t = performance.now();
const impact = await getAdoptionImpact({ db: h.db, now: new Date('2026-11-22T12:00:00Z') });
console.log('ms', (performance.now() - t).toFixed(0));
for (const s of impact.subjects) {
  const name = s.subject.kind === 'check' ? s.subject.id : 'level ' + s.subject.level;
  console.log(`\n${name}: adopters ${s.adoption.adopters.map((a) => a.service + '@' + a.day).join(', ')}; controls ${s.adoption.controls}; excluded ${s.adoption.excluded.length}; cohort ${s.cohort.passing.length}/${s.cohort.failing.length}`);
  for (const m of ['leadTimeP50Seconds', 'changeFailureRate'] as const) console.log('  ', m, s.adoption.effects[m].verdict, '|', s.adoption.effects[m].summary);
}
await h.close();
