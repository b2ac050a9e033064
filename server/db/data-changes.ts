import { randomUUID } from 'node:crypto';
import type {
  CompiledQuery,
  DatabaseConnection,
  DatabaseIntrospector,
  Dialect,
  DialectAdapter,
  Driver,
  Kysely,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from 'kysely';
import pg from 'pg';

/** The PostgreSQL channel on which instances tell each other that data changed (payload: the instance id). */
export const CHANGES_CHANNEL = 'hoptac_data_changed';

/**
 * Written often, never evaluated: a write to these tables outside a transaction (a session marked as seen, a
 * failed login counted) does not change anything a cached read returns (docs/decisions/0008-read-cache.md).
 */
const VOLATILE_WRITE = /^\s*(?:update|insert\s+into|delete\s+from)\s+"?(?:session|login_throttle)"?[\s(]/i;
const READ_ONLY =
  /^\s*(?:select|show|explain|values|begin|start\s+transaction|rollback|savepoint|release|set|listen)\b/i;

/** True when a statement run outside a transaction may change data that reads depend on. */
export function changesData(sql: string): boolean {
  if (VOLATILE_WRITE.test(sql)) return false;
  // A data-modifying CTE ("with x as (update …) select …") starts like a read.
  if (/^\s*with\b/i.test(sql)) return /\b(?:insert|update|delete|merge)\b/i.test(sql);
  return !READ_ONLY.test(sql);
}

/**
 * A counter of committed changes to the database as this process knows them. It moves after every committed
 * transaction and after every data-changing statement run outside one (on this process's connections), and — on
 * PostgreSQL with listening on — when another instance announces a commit on CHANGES_CHANNEL. A read that took
 * the counter before it started and finds it unchanged may reuse what an identical earlier read returned at the
 * same value (ReadCache). See docs/decisions/0008-read-cache.md.
 */
export class DataChanges {
  readonly instanceId = randomUUID();
  private counter = 0;
  private listener: pg.Client | null = null;
  private closed = false;
  private announcing = false;

  get version() {
    return this.counter;
  }

  /** Records that data changed (called after the change is visible to other connections). */
  bump() {
    this.counter++;
  }

  /** On PostgreSQL: announce each commit to the other instances (NOTIFY is delivered at commit, never on rollback). */
  announceOn(kind: 'postgres' | 'pglite') {
    this.announcing = kind === 'postgres';
  }

  /**
   * @internal Run inside a transaction just before its commit: whether it wrote anything (a transaction that
   * wrote has a transaction id) and, on PostgreSQL, the announcement of that write to the other instances.
   */
  async beforeCommit(conn: DatabaseConnection): Promise<boolean> {
    const sql = this.announcing
      ? 'select txid_current_if_assigned() is not null as wrote, case when txid_current_if_assigned() is not null then pg_notify($1, $2) end as announced'
      : 'select txid_current_if_assigned() is not null as wrote';
    const r = await conn.executeQuery<{ wrote: boolean }>({
      sql,
      parameters: this.announcing ? [CHANGES_CHANNEL, this.instanceId] : [],
    } as unknown as CompiledQuery);
    return r.rows[0]?.wrote !== false;
  }

  /** @internal The announcement of an autocommit write (PostgreSQL only). */
  async announce(conn: DatabaseConnection) {
    if (!this.announcing) return;
    await conn.executeQuery({
      sql: 'select pg_notify($1, $2)',
      parameters: [CHANGES_CHANNEL, this.instanceId],
    } as unknown as CompiledQuery);
  }

  /**
   * Listens for other instances' commits on a dedicated connection. A lost connection moves the counter (a
   * change may have been missed) and reconnects; until it is back every read counts as a miss.
   */
  async listen(connectionString: string): Promise<void> {
    const connect = async () => {
      const client = new pg.Client({ connectionString });
      client.on('notification', (n) => {
        if (n.channel === CHANGES_CHANNEL && n.payload !== this.instanceId) this.bump();
      });
      client.on('error', () => {
        // 'end' follows and reconnects.
      });
      client.on('end', () => {
        if (this.listener !== client || this.closed) return;
        this.listener = null;
        this.bump();
        setTimeout(() => void connect().catch(() => this.bump()), 1000).unref();
      });
      await client.connect();
      await client.query(`listen ${CHANGES_CHANNEL}`);
      if (this.closed) {
        await client.end();
        return;
      }
      this.listener = client;
      this.bump();
    };
    await connect();
  }

  /** True while a listener connection is up. */
  get listening() {
    return this.listener !== null;
  }

  async close() {
    this.closed = true;
    const l = this.listener;
    this.listener = null;
    if (l) await l.end().catch(() => {});
  }
}

/** A dialect whose driver moves a DataChanges counter after every commit and every autocommit write. */
export class ChangeTrackingDialect implements Dialect {
  constructor(
    private readonly inner: Dialect,
    private readonly changes: DataChanges,
  ) {}
  createAdapter(): DialectAdapter {
    return this.inner.createAdapter();
  }
  createDriver(): Driver {
    return new ChangeTrackingDriver(this.inner.createDriver(), this.changes);
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return this.inner.createIntrospector(db);
  }
  createQueryCompiler(): QueryCompiler {
    return this.inner.createQueryCompiler();
  }
}

class ChangeTrackingDriver implements Driver {
  private readonly inTransaction = new WeakSet<DatabaseConnection>();
  private readonly wrappers = new WeakMap<DatabaseConnection, TrackedConnection>();
  constructor(
    private readonly inner: Driver,
    private readonly changes: DataChanges,
  ) {}
  init() {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const conn = await this.inner.acquireConnection();
    let w = this.wrappers.get(conn);
    if (!w) {
      w = new TrackedConnection(conn, this.changes, this.inTransaction);
      this.wrappers.set(conn, w);
    }
    return w;
  }
  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings) {
    const inner = (conn as TrackedConnection).inner;
    await this.inner.beginTransaction(inner, settings);
    this.inTransaction.add(inner);
  }
  async commitTransaction(conn: DatabaseConnection) {
    const inner = (conn as TrackedConnection).inner;
    // A transaction that only read (a search setting its own planner options) changes nothing.
    let wrote = true;
    try {
      wrote = await this.changes.beforeCommit(inner);
      await this.inner.commitTransaction(inner);
    } finally {
      this.inTransaction.delete(inner);
      // Also after a failed commit: whether it took effect is unknown, and a needless miss is harmless.
      if (wrote) this.changes.bump();
    }
  }
  async rollbackTransaction(conn: DatabaseConnection) {
    const inner = (conn as TrackedConnection).inner;
    try {
      await this.inner.rollbackTransaction(inner);
    } finally {
      this.inTransaction.delete(inner);
    }
  }
  async releaseConnection(conn: DatabaseConnection) {
    await this.inner.releaseConnection((conn as TrackedConnection).inner);
  }
  destroy() {
    return this.inner.destroy();
  }
}

class TrackedConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly changes: DataChanges,
    private readonly inTransaction: WeakSet<DatabaseConnection>,
  ) {}
  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (this.inTransaction.has(this.inner) || !changesData(compiled.sql))
      return this.inner.executeQuery<R>(compiled);
    try {
      return await this.inner.executeQuery<R>(compiled);
    } finally {
      this.changes.bump();
      await this.changes.announce(this.inner).catch(() => {});
    }
  }
  streamQuery<R>(compiled: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(compiled, chunkSize);
  }
}
