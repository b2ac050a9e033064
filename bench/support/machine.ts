/** The machine and database a run was measured on. */
import os from 'node:os';
import { sql } from 'kysely';
import type { Dataset } from './dataset.js';

/** CPU, cores, RAM, load, Node and database version. */
export async function machineInfo(ds: Dataset): Promise<Record<string, string | number>> {
  const version = (await sql<{ v: string }>`select version() as v`.execute(ds.db)).rows[0].v;
  return {
    cpu: os.cpus()[0]?.model?.trim() ?? 'unknown CPU',
    cores: os.cpus().length,
    ramGb: Math.round(os.totalmem() / 2 ** 30),
    load: os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / '),
    node: process.version,
    database: `${ds.kind === 'pglite' ? 'PGlite (embedded) ' : ''}${version.split(' on ')[0].split(',')[0]}`,
    date: new Date().toISOString().slice(0, 16).replace('T', ' '),
  };
}
