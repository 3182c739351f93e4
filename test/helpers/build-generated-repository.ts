import { execFileSync, spawn } from 'node:child_process';

type GeneratedRepository = { dir: string; commits: number; tags: number; env: NodeJS.ProcessEnv };

/**
 * Writes a generated history through `git fast-import` (seconds for 100,000 commits): `commits` on main, a side
 * branch of three commits merged with --no-ff every 100, and `tags` release tags spread evenly, one in ten annotated.
 */
export const buildGeneratedRepository = async ({ dir, commits: COMMITS, tags: TAGS, env }: GeneratedRepository) => {
  execFileSync('git', ['init', '-q', '-b', 'main', dir], { env });
  const child = spawn('git', ['fast-import', '--quiet'], { cwd: dir, env, stdio: ['pipe', 'inherit', 'inherit'] });
  const done = new Promise<void>((resolve, reject) =>
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`fast-import exited ${code}`)))),
  );
  const start = Date.UTC(2023, 10, 21) / 1000;
  const every = Math.max(1, Math.floor(COMMITS / TAGS));
  let chunk = '';
  let mark = 0;
  let time = start;
  let mainTip = 0;
  const write = async (text: string) => {
    chunk += text;
    if (chunk.length > 1 << 20) {
      if (!child.stdin.write(chunk)) await new Promise((resolve) => child.stdin.once('drain', resolve));
      chunk = '';
    }
  };
  const commit = async (ref: string, message: string, parents: number[]) => {
    mark++;
    time += 600 + (mark % 7) * 60;
    const authored = time - (mark % 11) * 3_600;
    const data = `${message}\n`;
    await write(
      `commit ${ref}\nmark :${mark}\nauthor Dev ${mark % 40} <dev${mark % 40}@example.com> ${authored} +0000\ncommitter CI <ci@example.com> ${time} +0000\n` +
        `data ${Buffer.byteLength(data)}\n${data}${parents[0] ? `from :${parents[0]}\n` : ''}${parents
          .slice(1)
          .map((parent) => `merge :${parent}\n`)
          .join('')}` +
        `M 644 inline src/file-${mark % 500}.ts\ndata 12\nexport {} //\n\n`,
    );
    return mark;
  };
  let commits = 0;
  let tags = 0;
  while (commits < COMMITS) {
    if (commits % 100 === 99 && commits + 4 <= COMMITS) {
      // A side branch of three commits merged with --no-ff: the merge's deployment carries all four.
      let side = mainTip;
      for (let index = 0; index < 3; index++)
        side = await commit('refs/heads/side', `side change ${commits + index}`, [side]);
      mainTip = await commit('refs/heads/main', `Merge side branch ${commits}`, [mainTip, side]);
      commits += 4;
    } else {
      mainTip = await commit('refs/heads/main', `change ${commits}`, mainTip ? [mainTip] : []);
      commits++;
    }
    if (commits >= every * (tags + 1) && tags < TAGS) {
      tags++;
      if (tags % 10 === 0) {
        const data = `release ${tags}\n`;
        await write(
          `tag v1.${tags}.0\nfrom :${mainTip}\ntagger CI <ci@example.com> ${time + 300} +0000\ndata ${Buffer.byteLength(data)}\n${data}\n`,
        );
      } else await write(`reset refs/tags/v1.${tags}.0\nfrom :${mainTip}\n\n`);
    }
  }
  child.stdin.end(chunk);
  await done;
  return { commits, tags };
};
