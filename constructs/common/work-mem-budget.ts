/**
 * PostgreSQL memory overcommit: every connection may use at least one work_mem at once (a sort or hash in each
 * query; complex queries use several), so max_connections × work_mem is the least the connections can claim
 * together. When that exceeds the machine's memory, a busy hour ends in the out-of-memory killer restarting the
 * server. We refuse such a work_mem override rather than silently lowering max_connections from the class: the
 * connection count is what applications see, so the user chooses which of the two gives, with the numbers in hand.
 */

export interface WorkMemBudgetInput {
  /** work_mem in kB, as the override gives it. */
  readonly workMemKb: number;
  readonly maxConnections: number;
  /** Where max_connections comes from, for the message: "RDS's default for db.r7g.xlarge", "your override". */
  readonly maxConnectionsSource: string;
  readonly memoryGiB: number;
  /** The machine, for the message: "db.r7g.xlarge", "tier db-custom-2-7680". */
  readonly machine: string;
  /** The field that sets max_connections, for the fix: "parameters.max_connections", "flags.max_connections". */
  readonly maxConnectionsField: string;
}

const KB_PER_GIB = 1024 * 1024;
/** MiB, rounded up: precise enough that a value just over the memory reads as more. */
const mib = (kb: number) => `${Math.ceil(kb / 1024)} MiB`;

/** What is wrong and the fix, or undefined when max_connections × work_mem fits in memory. */
export function workMemOvercommit(input: WorkMemBudgetInput): { message: string; fix: string } | undefined {
  const memoryKb = input.memoryGiB * KB_PER_GIB;
  const worstCaseKb = input.maxConnections * input.workMemKb;
  if (worstCaseKb <= memoryKb) return undefined;
  const connectionsThatFit = Math.floor(memoryKb / input.workMemKb);
  const workMemThatFits = Math.floor(memoryKb / input.maxConnections);
  return {
    message:
      `with max_connections ${input.maxConnections} (${input.maxConnectionsSource}) each using this work_mem, connections can claim ` +
      `${mib(worstCaseKb)}, more than the ${mib(memoryKb)} of ${input.machine} (${(worstCaseKb / memoryKb).toFixed(2)}×)`,
    fix: `set ${input.maxConnectionsField} to at most ${connectionsThatFit}, or lower work_mem to at most ${workMemThatFits} (kB)`,
  };
}
