import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Where attachment bytes live; an object store can implement the same three calls in production. */
export interface FileStorage {
  put(key: string, data: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array>;
  delete(key: string): Promise<void>;
}

/** Stores files under a directory (DATA_DIR/files), writing to a temp name first so a crash leaves no half file. */
export class DirectoryStorage implements FileStorage {
  constructor(private readonly root: string) {}
  private path(key: string) {
    if (!/^[a-f0-9-]{36}$/.test(key)) throw new Error('invalid storage key');
    return join(this.root, key.slice(0, 2), key);
  }
  async put(key: string, data: Uint8Array) {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    const tmp = `${target}.tmp`;
    await writeFile(tmp, data);
    await rename(tmp, target);
  }
  async get(key: string) {
    return new Uint8Array(await readFile(this.path(key)));
  }
  async delete(key: string) {
    await rm(this.path(key), { force: true });
  }
}
