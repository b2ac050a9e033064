/**
 * The fast lane: repeatable signed-in GETs under /api/ answered in Node's request listener, in front of Hono
 * (docs/decisions/0009-http-fast-lane.md).
 *
 * When the full path (Hono, the request pipeline, the route) answers such a GET with bytes that cannot change until
 * the data changes — a cached read result or a deep-frozen answer, sent as stored bytes (json.ts `unchangingJson`) —
 * the lane records what went to Node (status, headers, body) under the request's key: session token hash, Host,
 * Accept-Language and the raw URL. It answers the next identical request itself with res.writeHead/res.end while
 * all of these still hold, and otherwise hands the request to Hono untouched:
 * - the data version (db/data-changes.ts) is the one the recorded answer was computed at, and the answer was
 *   computed without the version moving;
 * - the session is valid by exactly `authenticate`'s cache rules (expiry, idle timeout) with no "last seen" write
 *   due (auth.service.ts `cachedSessionAsIs`), and it is still the same cached session: the recorded answer's user
 *   object is the one the session cache holds. Every invalidation (logout, password change, role, scope or name
 *   change, deactivation, the cache's TTL) replaces or removes that object, so it ends the entry too;
 * - the calendar day (in Viet Nam and UTC) is the one of the recording: reads resolve "today" before caching;
 * - the request has no body, no conditional or range header, no header outside a short list of ordinary ones, a
 *   session cookie of the plain shape our server writes, and a URL of at most 512 characters.
 * The lane sends what the full path sends for these requests: the recorded security headers, content type and
 * route headers, a fresh request id (or a well-formed incoming one), the same body. Nothing else the full path does
 * applies to them: a GET passes the CSRF rule and has no body to limit, the route guard only saw the same user and
 * URL, and no read-only request is logged or audited (a personal-data reveal is a POST or an audited export, never an
 * unchanging answer, and a handler that writes moves the data version, which the recording refuses).
 * Bounded: at most READ_CACHE_ENTRIES entries and 32 MB of bodies, least recently used first out; READ_CACHE_ENTRIES=0
 * or SESSION_CACHE_SECONDS=0 switches the lane off. A hit costs two map reads keyed by strings the request already
 * holds (the memoised session hash, the raw URL) and a use stamp; the entries are ordered only when some must go,
 * and then a tenth of them go at once.
 */
import { randomUUID } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerOptions,
  type ServerResponse,
} from 'node:http';
import type { Context } from 'hono';
import type { AppDeps, SessionUser } from '../context.js';
import type { DataChanges } from '../db/data-changes.js';
import { cachedSessionAsIs } from '../modules/auth/auth.service.js';
import type { AppEnv } from './env.js';
import { PLAIN_SESSION_COOKIE } from './session.js';

/** Longest URL the lane keeps (bounds its keys). */
const MAX_URL = 512;
/** Largest body it keeps, and all bodies together. */
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_TOTAL_BYTES = 32 * 1024 * 1024;
const REQUEST_ID = /^[\w-]{8,64}$/;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** Request headers that change nothing in these answers (the key holds Host, Accept-Language and the cookie). */
const ORDINARY = new Set([
  'accept',
  'accept-encoding',
  'connection',
  'user-agent',
  'referer',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-real-ip',
  'cache-control',
  'pragma',
  'dnt',
  'priority',
  'sec-fetch-site',
  'sec-fetch-mode',
  'sec-fetch-dest',
  'sec-fetch-user',
  'sec-ch-ua',
  'sec-ch-ua-mobile',
  'sec-ch-ua-platform',
  'sec-gpc',
]);

/** What identifies an answer: the session (its token's hash), then the raw URL, Host and Accept-Language. */
interface Key {
  hash: string;
  url: string;
  host: string;
  language: string;
}
/** The unchanging answer the full path gave to a request the lane wants. */
interface Answer {
  bytes: Uint8Array;
  user: SessionUser;
  hash: string;
  version: number;
}

interface Entry extends Key {
  status: number;
  /** Flat name, value list as writeHead takes it; the request id's value is at `idSlot`. */
  headers: string[];
  idSlot: number;
  bytes: Uint8Array;
  user: SessionUser;
  version: number;
  /** The end of the calendar day it was recorded on (the earlier of Viet Nam's and UTC's), ms since the epoch. */
  until: number;
  /** The lane's use clock at the last answer: the smallest goes first. */
  used: number;
}

/** The fast lane of one application (see the header comment). */
export class FastLane {
  /** Requests answered by the lane, and answers recorded (for tests and the bench). */
  served = 0;
  recorded = 0;
  readonly enabled: boolean;
  /** Session hash → raw URL → entry (Host and Accept-Language are checked against the entry). */
  private readonly entries = new Map<string, Map<string, Entry>>();
  private count = 0;
  private bytes = 0;
  private clock = 0;
  /** Responses built from unchanging bytes by `c.json` on requests the lane wants (guards.ts). */
  readonly unchanging = new WeakMap<Response, Uint8Array>();
  /**
   * Node's responses to the requests the lane could answer next time, with their key, then the unchanging answer the
   * full path gave. Kept beside Node's objects rather than on them, so that those keep the shapes Node gives them
   * (a perf profile showed no measurable change either way: docs/performance.md).
   */
  private readonly keys = new WeakMap<ServerResponse, Key>();
  private readonly answers = new WeakMap<ServerResponse, Answer>();

  constructor(
    private readonly deps: AppDeps,
    private readonly changes: DataChanges | undefined,
    readonly maxEntries = deps.reads.maxEntries,
  ) {
    this.enabled = changes !== undefined && maxEntries > 0 && deps.sessions.ttlMs > 0;
  }

  get size() {
    return this.count;
  }

  /** The current data version (only called when enabled). */
  get version(): number {
    return (this.changes as DataChanges).version;
  }

  /** A node:http request listener that tries the lane, then `inner` (the Hono listener), and records its answer. */
  listener(
    inner: (req: IncomingMessage, res: ServerResponse) => Promise<unknown> | undefined,
  ): RequestListener {
    if (!this.enabled) return inner;
    return (req, res) => {
      let key: ReturnType<FastLane['answer']>;
      try {
        key = this.answer(req, res);
      } catch (err) {
        // Nothing sent yet: the full path answers as if there were no lane.
        if (res.headersSent) throw err;
        key = undefined;
      }
      if (key === true) return;
      if (key === undefined) {
        inner(req, res);
        return;
      }
      this.keys.set(res, key);
      inner(req, res)?.then(() => this.record(res));
    };
  }

  /** Whether the request behind Node's response `res` is one the lane may record (guards.ts). */
  wants(res: ServerResponse | undefined): boolean {
    return res !== undefined && this.keys.has(res);
  }

  /**
   * Called by the request pipeline once the full path has answered a request the lane wants: notes the answer when
   * it is the unchanging bytes of a signed-in 200 and the data version did not move since `version`.
   */
  noteAnswer(c: Context<AppEnv>, res: ServerResponse, version: number) {
    const bytes = this.unchanging.get(c.res);
    const user = c.get('user');
    const hash = c.get('sessionHash');
    if (bytes === undefined || !user || !hash || c.error || version !== this.version) return;
    this.answers.set(res, { bytes, user, hash, version });
  }

  /** Answers from a recorded entry (true), or returns the request's key when it may be recorded, else undefined. */
  private answer(req: IncomingMessage, res: ServerResponse): Key | true | undefined {
    if (req.method !== 'GET') return undefined;
    const url = req.url;
    if (url === undefined || url.length > MAX_URL || !url.startsWith('/api/')) return undefined;
    let cookie: string | undefined;
    let host = '';
    let language = '';
    let requestId: string | undefined;
    const raw = req.rawHeaders;
    for (let i = 0; i < raw.length; i += 2) {
      const name = raw[i].toLowerCase();
      if (name === 'cookie') {
        if (cookie !== undefined) return undefined;
        cookie = raw[i + 1];
      } else if (name === 'host') host = raw[i + 1];
      else if (name === 'accept-language') language = raw[i + 1];
      else if (name === 'x-request-id') requestId = raw[i + 1];
      else if (!ORDINARY.has(name)) return undefined;
    }
    const token = cookie === undefined ? undefined : PLAIN_SESSION_COOKIE.exec(cookie)?.[1];
    if (token === undefined) return undefined;
    const hash = this.deps.sessions.hashOf(token);
    const e = this.entries.get(hash)?.get(url);
    if (e === undefined || e.host !== host || e.language !== language || !this.holds(e, hash))
      return { hash, url, host, language };
    e.used = ++this.clock;
    const headers = e.headers.slice();
    headers[e.idSlot] = requestId !== undefined && REQUEST_ID.test(requestId) ? requestId : randomUUID();
    res.writeHead(e.status, headers);
    res.end(e.bytes);
    this.served++;
    return true;
  }

  /**
   * Whether entry `e` still answers for the session `hash`: same data version, same calendar day, and the session
   * cache holds the same user object with no "last seen" write due. A stale entry goes.
   */
  private holds(e: Entry, hash: string): boolean {
    const now = Date.now();
    if (e.version !== this.version || now >= e.until) {
      this.remove(e);
      return false;
    }
    return cachedSessionAsIs(this.deps, hash, now)?.user === e.user;
  }

  /** After the full path: keeps what it sent when the pipeline noted an unchanging answer for this key. */
  private record(res: ServerResponse) {
    try {
      this.keep(res);
    } catch {
      // Not recorded: the next identical request takes the full path again.
    } finally {
      this.keys.delete(res);
      this.answers.delete(res);
    }
  }

  private keep(res: ServerResponse) {
    const k = this.keys.get(res);
    const a = this.answers.get(res);
    if (k === undefined || a === undefined || a.hash !== k.hash) return;
    if (res.statusCode !== 200 || !res.writableEnded || a.version !== this.version) return;
    const size = a.bytes.byteLength;
    if (size > MAX_BODY_BYTES) return;
    const sent = res.getHeaders();
    const length = sent['content-length'];
    if (length !== undefined && Number(length) !== size) return;
    if (!String(sent['content-type'] ?? '').startsWith('application/json')) return;
    if (sent['set-cookie'] !== undefined || sent['x-request-id'] === undefined) return;
    const headers: string[] = [];
    let idSlot = -1;
    for (const name of Object.keys(sent)) {
      if (name === 'content-length') continue;
      const v = sent[name];
      if (Array.isArray(v) || v === undefined) return;
      headers.push(name, String(v));
      if (name === 'x-request-id') idSlot = headers.length - 1;
    }
    headers.push('content-length', String(size));
    const now = Date.now();
    const until = Math.min(nextMidnight(now, VIETNAM_OFFSET_MS), nextMidnight(now, 0));
    // A Buffer view, so that each answer does not wrap the bytes in a new one on its way to the socket.
    const body = Buffer.isBuffer(a.bytes) ? a.bytes : Buffer.from(a.bytes.buffer, a.bytes.byteOffset, size);
    const entry: Entry = {
      hash: k.hash,
      url: k.url,
      host: k.host,
      language: k.language,
      status: 200,
      headers,
      idSlot,
      bytes: body,
      user: a.user,
      version: a.version,
      until,
      used: ++this.clock,
    };
    const old = this.entries.get(k.hash)?.get(k.url);
    if (old) this.remove(old);
    let byUrl = this.entries.get(k.hash);
    if (byUrl === undefined) {
      byUrl = new Map();
      this.entries.set(k.hash, byUrl);
    }
    byUrl.set(k.url, entry);
    this.count++;
    this.bytes += size;
    this.recorded++;
    if (this.count > this.maxEntries || this.bytes > MAX_TOTAL_BYTES) this.evict();
  }

  /** Least recently used first, until a tenth of the room (entries and bytes) is free again. */
  private evict() {
    const all: Entry[] = [];
    for (const byUrl of this.entries.values()) for (const e of byUrl.values()) all.push(e);
    all.sort((a, b) => a.used - b.used);
    const entries = Math.floor(this.maxEntries * 0.9);
    const bytes = MAX_TOTAL_BYTES * 0.9;
    for (const e of all) {
      if (this.count <= entries && this.bytes <= bytes) break;
      this.remove(e);
    }
  }

  private remove(e: Entry) {
    const byUrl = this.entries.get(e.hash);
    if (byUrl?.get(e.url) !== e) return;
    byUrl.delete(e.url);
    if (byUrl.size === 0) this.entries.delete(e.hash);
    this.count--;
    this.bytes -= e.bytes.byteLength;
  }
}

/** The next midnight after `now` in a time zone `offsetMs` ahead of UTC. */
function nextMidnight(now: number, offsetMs: number): number {
  return (Math.floor((now + offsetMs) / DAY_MS) + 1) * DAY_MS - offsetMs;
}

/**
 * What @hono/node-server's `serve` takes as `createServer`: node:http's, with the lane in front of Hono's listener
 * (no lane, or a lane switched off: node:http's as it is).
 */
export function fastLaneServer(lane: FastLane | undefined) {
  return ((options: ServerOptions, listener: RequestListener): Server =>
    createServer(
      options,
      lane
        ? lane.listener(listener as (req: IncomingMessage, res: ServerResponse) => Promise<unknown>)
        : listener,
    )) as unknown as typeof createServer;
}
