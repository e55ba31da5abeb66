/**
 * `npm run bench`: synth time, peak memory and output size of our apps against the plain apps (bench/plain/) for
 * generated fleets (bench/fleet.ts), alternating ours and plain run by run. A full run writes bench/results.json,
 * the generated part of bench/results.md (between the bench markers; the text around them is kept) and the README's
 * performance table (bench/readme-table.ts); a quick run writes bench/out/results.* (bench/results-location.ts).
 *
 * Options (environment variables):
 *   BENCH_SIZES=1,10,100,1000   fleet sizes
 *   BENCH_RUNS=3                runs per app and size below 1,000 databases
 *   BENCH_RUNS_LARGE=3          runs per app from 1,000 databases up (≈ 2 minutes per run of both apps on 2 busy cores)
 *   BENCH_CLOUDS=aws,gcp
 *   BENCH_EXTRAS=1              also time `cdk synth` via cdk.json vs the compiled app at N=100, and `npm test`
 *
 * Both apps run compiled (tsc → bench/out/dist) with the same context (cdk.json / cdktf.json) as child processes;
 * wall time is measured around the process, CPU time (all threads) and peak RSS inside it (process.resourceUsage at
 * exit, bench/rss-probe.js).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeFleet } from './fleet';
import { cdkStacks, cdktfStacks, StackSummary } from './outputs';
import { readmePerformanceTable, withGeneratedPart, withReadmeTable } from './readme-table';
import { resultsLocation } from './results-location';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'bench', 'out');
const DIST = path.join(OUT, 'dist');
const list = (value: string | undefined, fallback: string) =>
  (value ?? fallback)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const SIZES = list(process.env.BENCH_SIZES, '1,10,100,1000').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const RUNS_LARGE = Number(process.env.BENCH_RUNS_LARGE ?? 3);
const CLOUDS = list(process.env.BENCH_CLOUDS, 'aws,gcp') as Cloud[];
const EXTRAS = process.env.BENCH_EXTRAS !== '0';

type Cloud = 'aws' | 'gcp';
/** `unchecked`: our AWS app without its compliance checks (bench/aws-without-compliance-checks.ts). */
type Which = 'ours' | 'plain' | 'unchecked';
interface Run {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly rssMb: number;
  readonly loadavg: number;
}
interface Row {
  cloud: Cloud;
  n: number;
  ours_s: number;
  plain_s: number;
  ratio: number;
  peak_rss_mb: number;
  stacks: number;
  max_resources: number;
  ours_cpu_s: number;
  plain_cpu_s: number;
  cpu_ratio: number;
  /** AWS only: CPU time of our app without cdk-nag and our global-table rules, and its ratio to plain. */
  unchecked_cpu_s?: number;
  unchecked_cpu_ratio?: number;
  ours_min_s: number;
  ours_max_s: number;
  plain_min_s: number;
  plain_max_s: number;
  plain_peak_rss_mb: number;
  runs: number;
  max_bytes: number;
  plain_stacks: number;
  plain_max_resources: number;
  plain_max_bytes: number;
  max_resources_stack: string;
  max_bytes_stack: string;
  loadavg: number[];
}

const CDK_CONTEXT = JSON.stringify(JSON.parse(fs.readFileSync(path.join(ROOT, 'cdk.json'), 'utf8')).context);
const CDKTF_CONTEXT = JSON.stringify(JSON.parse(fs.readFileSync(path.join(ROOT, 'cdktf.json'), 'utf8')).context);
const SCRIPTS: Record<Cloud, Partial<Record<Which, string>>> = {
  aws: { ours: 'bin/aws.js', plain: 'bench/plain/aws-plain.js', unchecked: 'bench/aws-without-compliance-checks.js' },
  gcp: { ours: 'bin/gcp.js', plain: 'bench/plain/gcp-plain.js' },
};

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x: number, digits = 2) => Number(x.toFixed(digits));
const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

function sh(command: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT): { seconds: number; status: number | null; output: string } {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds, status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

function compile(): void {
  log('compiling both apps (tsc -p bench/tsconfig.json → bench/out/dist)');
  const result = sh(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'bench', 'tsconfig.json')]);
  if (result.status !== 0) throw new Error(`tsc failed:\n${result.output}`);
}

function outdirOf(cloud: Cloud, which: Which): string {
  return path.join(OUT, 'synth', `${cloud}-${which}`);
}

function synth(cloud: Cloud, which: Which, fleetDir: string): Run {
  const outdir = outdirOf(cloud, which);
  fs.rmSync(outdir, { recursive: true, force: true });
  const rssFile = path.join(OUT, `rss-${cloud}-${which}.txt`);
  fs.rmSync(rssFile, { force: true });
  const loadavg = os.loadavg()[0];
  const result = sh(process.execPath, ['-r', path.join(ROOT, 'bench', 'rss-probe.js'), path.join(DIST, SCRIPTS[cloud][which]!)], {
    DB_CONFIG_DIR: fleetDir,
    BENCH_RSS_FILE: rssFile,
    CDK_OUTDIR: outdir,
    CDK_CONTEXT_JSON: CDK_CONTEXT,
    CDKTF_OUTDIR: outdir,
    CDKTF_CONTEXT_JSON: CDKTF_CONTEXT,
    CHECKPOINT_DISABLE: '1',
  });
  if (result.status !== 0) throw new Error(`${which} ${cloud} synth failed (exit ${result.status}):\n${result.output.slice(-4000)}`);
  const probe = JSON.parse(fs.readFileSync(rssFile, 'utf8'));
  return { seconds: result.seconds, cpuSeconds: probe.cpuSeconds, rssMb: probe.maxRssKb / 1024, loadavg };
}

function stacksOf(cloud: Cloud, which: Which): StackSummary[] {
  return cloud === 'aws' ? cdkStacks(outdirOf(cloud, which)) : cdktfStacks(outdirOf(cloud, which));
}

function largest(stacks: readonly StackSummary[], key: 'resourceCount' | 'bytes'): StackSummary {
  return stacks.reduce((best, stack) => (stack[key] > best[key] ? stack : best));
}

function measure(n: number): Row[] {
  const fleetDir = path.join(OUT, `fleet-${n}`);
  const fleet = writeFleet(fleetDir, n);
  const runs = n >= 1000 ? RUNS_LARGE : RUNS;
  log(`N=${n}: ${fleet.length} databases, ${runs} run(s) per app, alternating`);
  const rows: Row[] = [];
  for (const cloud of CLOUDS) {
    const times: Record<Which, Run[]> = { ours: [], plain: [], unchecked: [] };
    const apps = Object.keys(SCRIPTS[cloud]) as Which[];
    const summaries: Partial<Record<Which, StackSummary[]>> = {};
    for (let run = 0; run < runs; run++) {
      // Alternate which app goes first, so a drifting machine load does not favour one of them.
      const order: Which[] = run % 2 === 0 ? apps : [...apps].reverse();
      for (const which of order) {
        const result = synth(cloud, which, fleetDir);
        times[which].push(result);
        log(
          `  ${cloud} ${which.padEnd(9)} run ${run + 1}: ${result.seconds.toFixed(2)} s (CPU ${result.cpuSeconds.toFixed(2)} s), ${result.rssMb.toFixed(0)} MB, load ${result.loadavg.toFixed(2)}`,
        );
        if (run === runs - 1 && which !== 'unchecked') summaries[which] = stacksOf(cloud, which);
      }
    }
    const ours = summaries.ours!;
    const plain = summaries.plain!;
    const t = (which: Which) => times[which].map((r) => r.seconds);
    const cpu = (which: Which) => median(times[which].map((r) => r.cpuSeconds));
    rows.push({
      cloud,
      n,
      ours_s: round(median(t('ours'))),
      plain_s: round(median(t('plain'))),
      ratio: round(median(t('ours')) / median(t('plain')), 3),
      peak_rss_mb: Math.round(Math.max(...times.ours.map((r) => r.rssMb))),
      ours_cpu_s: round(cpu('ours')),
      plain_cpu_s: round(cpu('plain')),
      cpu_ratio: round(cpu('ours') / cpu('plain'), 3),
      ...(times.unchecked.length > 0 ? { unchecked_cpu_s: round(cpu('unchecked')), unchecked_cpu_ratio: round(cpu('unchecked') / cpu('plain'), 3) } : {}),
      stacks: ours.length,
      max_resources: largest(ours, 'resourceCount').resourceCount,
      ours_min_s: round(Math.min(...t('ours'))),
      ours_max_s: round(Math.max(...t('ours'))),
      plain_min_s: round(Math.min(...t('plain'))),
      plain_max_s: round(Math.max(...t('plain'))),
      plain_peak_rss_mb: Math.round(Math.max(...times.plain.map((r) => r.rssMb))),
      runs,
      max_bytes: largest(ours, 'bytes').bytes,
      max_resources_stack: largest(ours, 'resourceCount').name,
      max_bytes_stack: largest(ours, 'bytes').name,
      plain_stacks: plain.length,
      plain_max_resources: largest(plain, 'resourceCount').resourceCount,
      plain_max_bytes: largest(plain, 'bytes').bytes,
      loadavg: [...times.ours, ...times.plain, ...times.unchecked].map((r) => round(r.loadavg)),
    });
  }
  return rows;
}

interface Extras {
  cdkJsonS?: number[];
  compiledCliS?: number[];
  npmTestS?: number;
  npmTestOk?: boolean;
  loadavg: number[];
}

/** `cdk synth` as a user runs it (cdk.json: ts-node transpile-only) vs the CLI running the compiled app, at N=100. */
function extras(): Extras {
  const fleetDir = path.join(OUT, 'fleet-100');
  writeFleet(fleetDir, 100);
  const cdk = path.join(ROOT, 'node_modules', '.bin', 'cdk');
  const result: Extras = { cdkJsonS: [], compiledCliS: [], loadavg: [] };
  for (let run = 0; run < 2; run++) {
    for (const [key, app] of [
      ['cdkJsonS', undefined],
      ['compiledCliS', `node ${path.join(DIST, 'bin', 'aws.js')}`],
    ] as const) {
      const outdir = path.join(OUT, 'synth', 'cli');
      fs.rmSync(outdir, { recursive: true, force: true });
      result.loadavg.push(round(os.loadavg()[0]));
      const r = sh(cdk, ['synth', '--quiet', '-o', outdir, ...(app ? ['--app', app] : [])], { DB_CONFIG_DIR: fleetDir, CDK_DISABLE_VERSION_CHECK: '1' });
      if (r.status !== 0) throw new Error(`cdk synth failed:\n${r.output.slice(-3000)}`);
      result[key]!.push(round(r.seconds));
      log(`  cdk synth N=100 ${key === 'cdkJsonS' ? 'via cdk.json (ts-node)' : 'compiled app'}: ${r.seconds.toFixed(2)} s`);
    }
  }
  log('  npm test (jest, 2 workers)');
  result.loadavg.push(round(os.loadavg()[0]));
  const test = sh('npm', ['test', '--silent'], { CI: '1' });
  result.npmTestS = round(test.seconds, 1);
  result.npmTestOk = test.status === 0;
  log(`  npm test: ${test.seconds.toFixed(1)} s (${test.status === 0 ? 'passed' : 'FAILED'})`);
  return result;
}

function marginalMs(rows: readonly Row[], cloud: Cloud, key: 'ours_s' | 'plain_s'): string[] {
  const own = rows.filter((r) => r.cloud === cloud).sort((a, b) => a.n - b.n);
  return own.map((row, i) => (i === 0 ? '–' : `${(((row[key] - own[i - 1][key]) * 1000) / (row.n - own[i - 1].n)).toFixed(0)}`));
}

const STARTED = Date.now();

function renderMarkdown(rows: readonly Row[], extra: Extras | undefined): string {
  const cpus = os.cpus();
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus.length} × ${cpus[0]?.model.trim()}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, Node ${process.version}, ` +
      `by \`npm run bench\` (sizes ${SIZES.join(', ')}; ${RUNS} runs per app below N = 1,000, ${RUNS_LARGE} at N = 1,000; the whole run took ${((Date.now() - STARTED) / 60000).toFixed(1)} minutes). ` +
      'Medians, min–max in brackets.',
    '',
  ];
  for (const cloud of CLOUDS) {
    const own = rows.filter((r) => r.cloud === cloud).sort((a, b) => a.n - b.n);
    if (own.length === 0) continue;
    const mo = marginalMs(rows, cloud, 'ours_s');
    const mp = marginalMs(rows, cloud, 'plain_s');
    lines.push(`**${cloud === 'aws' ? 'AWS (aws-cdk-lib 2.276, CloudFormation)' : 'Google Cloud (cdktf 0.21, Terraform JSON)'}**`, '');
    // AWS also shows our app without its compliance checks (cdk-nag): the abstraction's cost apart from the checks.
    const unchecked = own.some((r) => r.unchecked_cpu_s !== undefined);
    lines.push(
      `| N | ours s (wall) | plain s (wall) | ours/plain wall | CPU s ours / plain | ours/plain CPU |${unchecked ? ' without cdk-nag: CPU s, ratio to plain |' : ''} ms per extra database, wall (ours / plain) | peak RSS MB (ours / plain) | stacks | largest stack: resources | largest template bytes | load avg during runs |`,
    );
    lines.push(`|---:|---|---|---:|---|---:|${unchecked ? '---|' : ''}---|---|---:|---|---|---|`);
    own.forEach((r, i) => {
      lines.push(
        `| ${r.n} | ${r.ours_s} (${r.ours_min_s}–${r.ours_max_s}) | ${r.plain_s} (${r.plain_min_s}–${r.plain_max_s}) | ${r.ratio.toFixed(2)} | ${r.ours_cpu_s} / ${r.plain_cpu_s} | ${r.cpu_ratio.toFixed(2)} | ` +
          `${unchecked ? `${r.unchecked_cpu_s}, ${r.unchecked_cpu_ratio?.toFixed(2)} | ` : ''}${mo[i]} / ${mp[i]} | ` +
          `${r.peak_rss_mb} / ${r.plain_peak_rss_mb} | ${r.stacks} | ${r.max_resources} (${r.max_resources_stack}) | ${r.max_bytes.toLocaleString('en')} (${r.max_bytes_stack}) | ` +
          `${Math.min(...r.loadavg).toFixed(1)}–${Math.max(...r.loadavg).toFixed(1)} |`,
      );
    });
    lines.push('');
  }
  if (extra) {
    const m = (xs?: number[]) => (xs && xs.length ? `${median(xs).toFixed(2)} s (${Math.min(...xs)}–${Math.max(...xs)})` : 'n/a');
    lines.push(
      `**CLI and tests** (load average ${Math.min(...extra.loadavg).toFixed(1)}–${Math.max(...extra.loadavg).toFixed(1)}): ` +
        `\`cdk synth --quiet\` at N = 100 through cdk.json (ts-node transpile-only) ${m(extra.cdkJsonS)}, ` +
        `with \`--app "node bench/out/dist/bin/aws.js"\` (compiled) ${m(extra.compiledCliS)}; ` +
        `\`npm test\` ${extra.npmTestS} s (${extra.npmTestOk ? 'passed' : 'FAILED'}).`,
      '',
    );
  }
  return lines.join('\n');
}

const BEGIN = '<!-- bench:begin (generated by npm run bench; edit outside these markers) -->';
const END = '<!-- bench:end -->';

function writeResults(rows: Row[], extra: Extras | undefined): void {
  const { dir, full } = resultsLocation(ROOT, SIZES, CLOUDS);
  const shown = (file: string) => path.relative(ROOT, path.join(dir, file));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'results.json'), `${JSON.stringify(rows, null, 2)}\n`);
  const mdFile = path.join(dir, 'results.md');
  const committed = path.join(ROOT, 'bench', 'results.md');
  const template = fs.existsSync(mdFile) ? mdFile : fs.existsSync(committed) ? committed : undefined;
  const existing = template ? fs.readFileSync(template, 'utf8') : `# Synth benchmark\n\n${BEGIN}\n${END}\n`;
  fs.writeFileSync(mdFile, withGeneratedPart(existing, shown('results.md'), BEGIN, END, renderMarkdown(rows, extra)));
  // The README quotes the sizes the targets are about; a quick run leaves it (and bench/results.*) alone.
  if (full) {
    const readme = path.join(ROOT, 'README.md');
    fs.writeFileSync(readme, withReadmeTable(fs.readFileSync(readme, 'utf8'), readmePerformanceTable(rows)));
    log('wrote bench/results.json, bench/results.md and the README table');
  } else {
    log(
      `quick run: wrote ${shown('results.json')} and ${shown('results.md')}; the committed bench/results.* and the README table are left alone (they quote N = 100 and 1,000 of both clouds)`,
    );
  }
}

function main(): void {
  fs.mkdirSync(OUT, { recursive: true });
  compile();
  const rows: Row[] = [];
  for (const n of SIZES) rows.push(...measure(n));
  const extra = EXTRAS ? extras() : undefined;
  writeResults(rows, extra);
  console.table(
    rows.map(({ cloud, n, ours_s, plain_s, ratio, cpu_ratio, peak_rss_mb, stacks, max_resources, max_bytes }) => ({
      cloud,
      n,
      ours_s,
      plain_s,
      ratio,
      cpu_ratio,
      peak_rss_mb,
      stacks,
      max_resources,
      max_bytes,
    })),
  );
}

main();
