/**
 * A fault-injecting HTTP proxy in front of moto_server, for the "dbctl under faults" tests. Each request is
 * matched to its API action (query protocol `Action=…`, JSON `X-Amz-Target`, or the RPC v2 CBOR path); a fault
 * armed for that action applies to the next `times` matching requests:
 *
 * - `stall`: read the request and answer nothing for `ms` (then close the socket).
 * - `trickle`: answer 200 with headers at once, then one byte of body every `ms`.
 * - `drop-response`: forward the request (moto acts on it), then close the socket without answering: a lost response.
 * - `status`: answer `status` with an HTML body, as a load balancer in front of the API does.
 *
 * `armAfter` arms a fault only once another action has been seen (e.g. stall the describes after the restore).
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

export type Fault =
  | { readonly kind: 'stall'; readonly ms: number }
  | { readonly kind: 'trickle'; readonly ms: number }
  | { readonly kind: 'drop-response' }
  | { readonly kind: 'status'; readonly status: number };

interface ArmedFault {
  readonly action: string;
  readonly fault: Fault;
  remaining: number;
  readonly after?: string;
}

export interface FaultProxy {
  readonly endpoint: string;
  /** Apply `fault` to the next `times` requests of `action` (after `after` was seen, when given). */
  arm(action: string, fault: Fault, times?: number, after?: string): void;
  /** Every action the proxy saw, in order, with the fault applied to it (if any). */
  readonly seen: { action: string; fault?: Fault['kind'] }[];
  clear(): void;
  stop(): Promise<void>;
}

export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const faults: ArmedFault[] = [];
  const seen: { action: string; fault?: Fault['kind'] }[] = [];
  const sockets = new Set<import('net').Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  const server = http.createServer(async (request, response) => {
    const body = await readAll(request);
    const action = actionOf(request, body);
    const armed = faults.find((f) => f.action === action && f.remaining > 0 && (!f.after || seen.some((s) => s.action === f.after)));
    seen.push({ action, fault: armed?.fault.kind });
    if (armed) armed.remaining--;
    const fault = armed?.fault;
    if (fault?.kind === 'stall') {
      later(fault.ms, () => request.socket.destroy());
      return;
    }
    if (fault?.kind === 'status') {
      response.writeHead(fault.status, { 'content-type': 'text/html' });
      response.end(`<html><head><title>${fault.status} Service Temporarily Unavailable</title></head><body><h1>${fault.status}</h1></body></html>`);
      return;
    }
    if (fault?.kind === 'trickle') {
      response.writeHead(200, { 'content-type': 'text/xml' });
      const drip = () => {
        if (response.destroyed) return;
        response.write(' ');
        later(fault.ms, drip);
      };
      drip();
      return;
    }
    const upstreamResponse = await forward(upstream, request, body);
    if (fault?.kind === 'drop-response') {
      request.socket.destroy();
      return;
    }
    response.writeHead(upstreamResponse.status, upstreamResponse.headers);
    response.end(upstreamResponse.body);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    seen,
    arm: (action, fault, times = 1, after) => faults.push({ action, fault, remaining: times, after }),
    clear: () => {
      faults.length = 0;
      seen.length = 0;
    },
    stop: async () => {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function actionOf(request: http.IncomingMessage, body: Buffer): string {
  const target = request.headers['x-amz-target'];
  if (typeof target === 'string') return target.split('.').pop()!;
  const rpc = /\/operation\/([A-Za-z]+)$/.exec(request.url ?? '');
  if (rpc) return rpc[1];
  const query = new URLSearchParams(body.toString('utf8')).get('Action');
  return query ?? `${request.method} ${request.url}`;
}

function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

async function forward(upstream: string, request: http.IncomingMessage, body: Buffer) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || ['host', 'connection', 'content-length', 'transfer-encoding'].includes(name)) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const result = await fetch(`${upstream}${request.url}`, { method: request.method, headers, body: body.length > 0 ? body : undefined });
  const responseHeaders: Record<string, string> = {};
  result.headers.forEach((value, name) => {
    if (!['content-length', 'transfer-encoding', 'connection', 'content-encoding'].includes(name)) responseHeaders[name] = value;
  });
  return { status: result.status, headers: responseHeaders, body: Buffer.from(await result.arrayBuffer()) };
}
